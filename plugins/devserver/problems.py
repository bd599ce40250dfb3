"""A build's warnings and errors, kept from its logging records, for the serve overlay."""

import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Any

from plugins.engine import files

FILE_NAME = ".build-problems.json"
# "posts/x.md: Status 'drfat' ..." -> "posts/x.md": the file a message names first, by the
# project's convention for messages about content
_SOURCE = re.compile(r"^(?P<source>[^\s:'\"]+\.[A-Za-z0-9]{1,8}): ")


def problem(record: logging.LogRecord) -> dict[str, str]:
    """One logging record as the overlay shows it: level, file (when named) and message."""
    message = record.getMessage()
    source = getattr(record, "source", "")
    if not source:
        match = _SOURCE.match(message)
        if match:
            source, message = match["source"], message[match.end() :]
    return {"level": record.levelname.lower(), "source": str(source), "message": message}


class Collector(logging.Handler):
    """Keeps every WARNING-or-worse record that reaches the handlers (as the console does)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[dict[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record as a plain dict: never raise from logging."""
        try:
            self.problems.append(problem(record))
        except Exception:  # a record whose arguments do not format: logging's own policy
            self.handleError(record)


def report(problems: list[dict[str, str]], status: int) -> dict[str, Any]:
    """The JSON document the overlay reads."""
    return {
        # a new build, even with the same problems, shows the overlay again after a dismissal
        "build": f"{time.time_ns()}-{os.getpid()}",
        "status": status,
        "errors": sum(p["level"] in ("error", "critical") for p in problems),
        "warnings": sum(p["level"] == "warning" for p in problems),
        "problems": problems,
    }


def write(path: Path, problems: list[dict[str, str]], status: int) -> None:
    """Write the report atomically: the dev server may serve it at any moment."""
    files.write_atomically(path, json.dumps(report(problems, status), indent=1))
