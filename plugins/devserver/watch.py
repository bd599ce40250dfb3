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
"""

import glob
import os
from collections.abc import Callable

from livereload.watcher import Watcher


class SiteWatcher(Watcher):
    """livereload's ``Watcher`` (polled by its server every 0.8 s) for ``Server(watcher=...)``."""

    def watch(self, path, func=None, delay=0, ignore=None) -> None:
        super().watch(path, func, delay, ignore)
        # what is there now is the starting point: whatever appears later is a change
        self._tasks[path]["mtimes"] = self._scan(path, ignore)

    def examine(self) -> tuple[str | None, float | None]:
        """Scan every watched path, then run each task whose path changed, once each; the
        first file that changed (what livereload names when it reloads the browser, which it
        does only when this is not None) and the delay to wait before the reload."""
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

    def is_changed(self, path, ignore=None) -> bool:
        """livereload's own entry point, for one path (``examine`` does them all)."""
        return self._changed(path, self._tasks[path])

    def _changed(self, path: str, item: dict) -> bool:
        before, now = item["mtimes"], self._scan(path, item["ignore"])
        touched = sorted(p for p, mtime in now.items() if before.get(p) != mtime)
        touched += sorted(set(before) - set(now))  # removed
        item["mtimes"] = now
        if touched and self.filepath is None:
            self.filepath = touched[0]
        return bool(touched)

    def _scan(self, path: str, ignore) -> dict[str, float]:
        """Every file under ``path`` (a file, a folder or a glob) with its modification time."""
        if os.path.isfile(path):
            paths = [path]
        elif os.path.isdir(path):
            paths = []
            for root, dirs, files in os.walk(path, followlinks=True):
                dirs[:] = [d for d in dirs if d not in self.ignored_dirs]
                paths += (os.path.join(root, name) for name in files)
        else:
            paths = glob.glob(path, recursive=True)
        mtimes = {}
        for name in paths:
            if self.ignore(name) or (ignore and ignore(name)):
                continue
            try:
                mtimes[name] = os.stat(name).st_mtime
            except OSError:  # removed while it was listed, or a link to nothing
                continue
        return mtimes
