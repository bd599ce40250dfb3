"""python -m sitecheck.build LOG PELICAN_ARGS...: a `pelican` run that also records its log.

Pelican's console output stays as staff know it; every WARNING and above is also written to
LOG as JSON lines ({"level", "message"}), so that the lint gate reports what the build said
without parsing the console (where it runs, ``SITECHECK_LINT_LISTS`` keeps the console from
saying each warning and error first). Once the build has read every post and page and said its lines
about them (the engine's ``content_final`` phase), one line ``{"read": true}`` says so: the
lint then leaves a missing title or an image without alt text to the build's own line. The
only sitecheck module that imports Pelican.
"""

import json
import logging
import os
import sys


class JsonLinesHandler(logging.Handler):
    """Appends each record as one JSON line."""

    def __init__(self, path: str) -> None:
        super().__init__(level=logging.WARNING)
        self.path = path
        open(path, "w", encoding="utf-8").close()

    def emit(self, record: logging.LogRecord) -> None:
        self._write({"level": record.levelname, "message": record.getMessage()})

    def content_read(self, _generators: object) -> None:
        """Every post and page is read and what is wrong with each said (blogcore's folded
        lines too, at ``sources_known``): the record the lint goes by."""
        self._write({"read": True})

    def _write(self, entry: dict) -> None:
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")


# make check sets it when its lint gate runs: the gate lists every warning and error of the
# build under its file, so the console says only the rest (what stops the build, info lines)
LINT_LISTS = "SITECHECK_LINT_LISTS"


def _not_listed_again(record: logging.LogRecord) -> bool:
    """The console's records when the lint gate lists the warnings and errors: not those."""
    return not logging.WARNING <= record.levelno < logging.CRITICAL


def main(argv: list[str]) -> int:
    """Run Pelican's command line with the extra handler; return its exit status."""
    if not argv:
        print("usage: python -m sitecheck.build LOG [pelican arguments]", file=sys.stderr)
        return 2
    import pelican
    from pelican.log import DEFAULT_LOG_HANDLER

    from plugins.engine.phases import content_final
    from plugins.engine.settings_errors import SAID_AT_ITS_LINE

    # Pelican's own logging set-up is a basicConfig(), a no-op once the root logger has
    # handlers: give it Pelican's console handler and ours, at Pelican's default level:
    # warnings and errors (INFO printed every static file copied, twice: 137 of make check's
    # 152 lines); -v still shows them, as it does for `pelican`
    recorded = JsonLinesHandler(argv[0])
    handlers = [DEFAULT_LOG_HANDLER, recorded]
    # sent only where the engine runs: a build stopped before (its settings, a plugin left
    # out) or killed while reading leaves the lint to read the sources itself
    content_final.connect(recorded.content_read, weak=False)
    for handler in handlers:  # a settings mistake the engine names at its line: its line only
        handler.addFilter(SAID_AT_ITS_LINE)
    if os.environ.get(LINT_LISTS):
        DEFAULT_LOG_HANDLER.addFilter(_not_listed_again)
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
