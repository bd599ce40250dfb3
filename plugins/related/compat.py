"""related's one boundary with Pelican's private internals: a post's body as read.

Pelican keeps a post's body, links not yet resolved, in ``Content._content`` (Pelican 2.6 to
4.12; tests/test_compat_boundary.py checks that it is still there) and has no public way to
read it before the links are resolved, nor to replace it. The public ``.content`` resolves the
links and keeps the result, which is wrong while plugins are still changing posts.
"""

from typing import Any


def html_of(content: Any, default: Any = None) -> Any:
    """A post's body as read, before Pelican resolves its links (``Content._content``)."""
    return getattr(content, "_content", default)
