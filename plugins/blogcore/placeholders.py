"""The engine's own placeholder text, which must not be published as a post: ``make
new-post`` writes it below the front matter of every new draft. A post whose whole text is
still that line, published (its ``Status: draft`` removed, to see it on the home page or by a
merge), went out with it on the home page, in the feeds and in search, with no line.

Pure: no Pelican.
"""

from __future__ import annotations

import re

# what `make new-post` (tasks.py) writes as the post's text
NEW_POST_TEXT = "Write your post here."

_TAGS = re.compile(r"<[^>]*>")


def is_new_post_text(html: str) -> bool:
    """Whether a post's HTML says nothing but new-post's placeholder."""
    if "Write your post" not in html:  # nearly every post: no more work
        return False
    return " ".join(_TAGS.sub(" ", html).split()) == NEW_POST_TEXT


LINE = (
    "still has only the text `make new-post` wrote (Write your post here.); it is not "
    "published: write the post, or put back Status: draft"
)
