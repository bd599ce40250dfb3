"""python -m sitecheck.build LOG PELICAN_ARGS...: a `pelican` run that also records its log.

Pelican's console output stays as staff know it; every WARNING and above is also written to
LOG as JSON lines ({"level", "message"}), so that the lint gate reports what the build said
without parsing the console. The only sitecheck module that imports Pelican.
"""

import json
import logging
import sys


class JsonLinesHandler(logging.Handler):
    """Appends each record as one JSON line."""

    def __init__(self, path: str) -> None:
        super().__init__(level=logging.WARNING)
        self.path = path
        open(path, "w", encoding="utf-8").close()

    def emit(self, record: logging.LogRecord) -> None:
        line = json.dumps({"level": record.levelname, "message": record.getMessage()})
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(line + "\n")


def main(argv: list[str]) -> int:
    """Run Pelican's command line with the extra handler; return its exit status."""
    if not argv:
        print("usage: python -m sitecheck.build LOG [pelican arguments]", file=sys.stderr)
        return 2
    import pelican
    from pelican.log import DEFAULT_LOG_HANDLER

    from plugins.engine.settings_errors import SAID_AT_ITS_LINE

    # Pelican's own logging set-up is a basicConfig(), a no-op once the root logger has
    # handlers: give it Pelican's console handler and ours, at Pelican's default level:
    # warnings and errors (INFO printed every static file copied, twice: 137 of make check's
    # 152 lines); -v still shows them, as it does for `pelican`
    handlers = [DEFAULT_LOG_HANDLER, JsonLinesHandler(argv[0])]
    for handler in handlers:  # a settings mistake the engine names at its line: its line only
        handler.addFilter(SAID_AT_ITS_LINE)
    logging.basicConfig(
        level=logging.WARNING, format="%(message)s", datefmt="[%H:%M:%S]", handlers=handlers
    )
    # Pelican's command line: a settings problem names the file and line that set it
    # (plugins/engine/settings_errors.py)
    sys.argv = ["pelican", *argv[1:]]
    try:
        pelican.main(argv[1:])
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            return exc.code or 0
        print(exc.code, file=sys.stderr)  # what stopped it (a settings problem), as Python would
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
