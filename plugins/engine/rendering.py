"""Where a page's render failed: the template file and line, and the page, kept on the error.

``{{ article.subtitle.upper() }}`` in a template override raises Jinja's ``UndefinedError``,
which names neither the template nor the post. Jinja puts each template's frames in the
traceback (named ``template``, ``top-level template code``, ``block 'content'``,
``macro 'card'``), with the template's file and line; a render in a forked worker sends the
error back without its traceback. So the writer that renders (fastbuild's) marks the error
with ``mark`` where it is caught, the innermost template frame and the page it was writing
(an attribute, kept when the error is pickled back from a worker), and the build's one line
(plugins/devserver/problems.py) says ``theme/overrides/article.html: line 3: UndefinedError:
… (rendering posts/x/index.html, from content/posts/x.md)``. Pure: no Pelican import.
"""

from __future__ import annotations

import contextlib
import traceback
from dataclasses import dataclass
from types import TracebackType

_PLACE = "rendering_place"  # the attribute ``mark`` sets


@dataclass(frozen=True)
class Place:
    """Where a render failed: the template's file and line (when a template's code raised),
    the output file it was writing, and the content file it was made from."""

    template: str | None
    line: int | None
    page: str
    source: str | None = None

    def said(self) -> str:
        """What follows the error in its line: which page, from which file."""
        made = f", from {self.source}" if self.source else ""
        return f"rendering {self.page}{made}"


def is_template(code_name: str) -> bool:
    """Is this a frame Jinja made for a template's code (its name says which part)?"""
    return code_name in ("template", "top-level template code") or code_name.startswith(
        ("block '", "macro '")
    )


def template_frame(trace: TracebackType | None) -> tuple[str, int] | None:
    """The innermost frame of a template's code in a traceback: its file and line."""
    found = None
    for frame, line in traceback.walk_tb(trace):
        if is_template(frame.f_code.co_name) and not frame.f_code.co_filename.startswith("<"):
            found = (frame.f_code.co_filename, line)
    return found


def mark(error: BaseException, page: str, source: str | None = None) -> None:
    """Keep on the error where the render of ``page`` failed (the first mark stays)."""
    if getattr(error, _PLACE, None) is not None:
        return
    frame = template_frame(error.__traceback__)
    template, line = frame if frame else (None, None)
    with contextlib.suppress(AttributeError):  # an exception type without a __dict__
        setattr(error, _PLACE, Place(template, line, page, source))


def place(error: BaseException) -> Place | None:
    """Where the render that raised ``error`` failed, when a writer marked it."""
    found = getattr(error, _PLACE, None)
    return found if isinstance(found, Place) else None


def put(error: BaseException, where: Place | None) -> None:
    """Mark an error again with a place kept apart (an error rebuilt from a worker's)."""
    if where is not None and place(error) is None:
        with contextlib.suppress(AttributeError):
            setattr(error, _PLACE, where)
