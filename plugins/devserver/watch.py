"""What `make serve` watches for changes: livereload's polling watcher, with three habits fixed.

- A file that appears is a change, whatever its modification time. livereload counts a new
  file only when it is newer than the server, so a post or a folder of photos moved in from
  elsewhere (``mv``, a file manager's copy, an unzipped camera export: each keeps its old
  time) was never built; and livereload told the browser to reload all the same, onto a 404.
- One poll looks at every file before anything runs. livereload stops at the first changed
  file and builds, so a folder copied, renamed or checked out was one build per file, back to
  back, with the server answering no request meanwhile.
- A build that several watched folders ask for in one poll (a ``git pull`` touching content
  and the theme) runs once.
- A file replaced by a copy that keeps the old one's modification time (``cp -p``,
  ``rsync -a``, an unzip over the old files) is a change: a file is compared by its size,
  the time of its last change of any kind (``st_ctime``, which no copy can set) and its
  inode too, not by its modification time alone. (The incremental build reads such a file
  again the same way: plugins/fastbuild/manifest.replaced.)
"""

import glob
import os
from collections.abc import Callable

# what livereload's own watcher passes over too
_IGNORED_DIRS = frozenset({".git", ".hg", ".svn", ".cvs"})
_IGNORED_SUFFIXES = frozenset({".pyc", ".pyo", ".o", ".swp"})


class SiteWatcher:
    """The watcher ``make serve`` gives livereload's server (``Server(watcher=...)``), which
    polls ``examine()`` every 0.8 s once ``start()`` says there is no event source.

    It is a class of its own, not livereload's ``Watcher`` with parts replaced: the server
    and its handler use two attributes on whatever watcher they are given, and they are
    defined here for them: ``_tasks`` (whether anything is watched; if not, the handler
    watches the working folder) and ``_changes`` (where ``Server.serve`` puts the reload that
    follows a restart, given back by the next ``examine()``).
    """

    def __init__(self) -> None:
        # path -> {"func", "delay", "ignore", "stamps"}: what is watched, and what was there
        self._tasks: dict[str, dict] = {}
        self._changes: list[tuple[str, float | None]] = []
        self.filepath: str | None = None  # the first file changed (livereload names it)

    def watch(self, path, func=None, delay=0, ignore=None) -> None:
        """Watch a file, a folder or a glob: ``func`` runs when something there changes."""
        # what is there now is the starting point: whatever appears later is a change
        stamps = self._scan(path, ignore)
        self._tasks[path] = {"func": func, "delay": delay, "ignore": ignore, "stamps": stamps}

    def start(self, callback) -> bool:
        """No event source: livereload polls ``examine()``."""
        return False

    def examine(self) -> tuple[str | None, float | None]:
        """Scan every watched path, then run each task whose path changed, once each; the
        first file that changed (what livereload names when it reloads the browser, which it
        does only when this is not None) and the delay to wait before the reload."""
        if self._changes:
            return self._changes.pop()
        self.filepath = None
        due: list[Callable[[], object]] = []
        delays = set()
        for path, item in self._tasks.items():
            if not self._changed(path, item):
                continue
            if item["func"] is not None and item["func"] not in due:
                due.append(item["func"])
            if item["delay"] and isinstance(item["delay"], float):
                delays.add(item["delay"])
        for func in due:
            func()
        return self.filepath, (max(delays) if delays else None)

    def _changed(self, path: str, item: dict) -> bool:
        before, now = item["stamps"], self._scan(path, item["ignore"])
        touched = sorted(p for p, stamp in now.items() if before.get(p) != stamp)
        touched += sorted(set(before) - set(now))  # removed
        item["stamps"] = now
        if touched and self.filepath is None:
            self.filepath = touched[0]
        return bool(touched)

    def _scan(self, path: str, ignore) -> dict[str, tuple[int, int, int, int]]:
        """Every file under ``path`` (a file, a folder or a glob) with its stamp: modification
        and change times, size, inode."""
        if os.path.isfile(path):
            paths = [path]
        elif os.path.isdir(path):
            paths = []
            for root, dirs, files in os.walk(path, followlinks=True):
                dirs[:] = [d for d in dirs if d not in _IGNORED_DIRS]
                paths += (os.path.join(root, name) for name in files)
        else:
            paths = glob.glob(path, recursive=True)
        stamps = {}
        for name in paths:
            if os.path.splitext(name)[1] in _IGNORED_SUFFIXES or (ignore and ignore(name)):
                continue
            try:
                stat = os.stat(name)
            except OSError:  # removed while it was listed, or a link to nothing
                continue
            stamps[name] = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)
        return stamps
