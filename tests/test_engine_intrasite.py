"""The links Pelican resolves, found one way for every plugin (plugins/engine/intrasite.py)."""

import pytest
from pelican.settings import DEFAULT_CONFIG

from plugins.engine import intrasite

REGEX = DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<a href="{attach}files/plan.pdf">plan</a>', {"files/plan.pdf"}),
        ("<a href='{attach}plan.pdf?v=2#p2'>plan</a>", {"plan.pdf?v=2#p2"}),
        ('<a href="|attach|plan.pdf">plan</a>', {"plan.pdf"}),
        ('<img alt="" src="{static}plan.png"> <a href="{filename}x.md">x</a>', set()),
        # shown, not linked: Pelican resolves a link in an attribute only (fastbuild read
        # these as links, and a post showing the syntax rendered every page when edited)
        ("<p>Write <code>[the plan]({attach}plan.pdf)</code> in a post.</p>", set()),
        ('<pre><code>&lt;a href="{attach}plan.pdf"&gt;</code></pre>', set()),
        # Pelican's pattern takes the last link of a tag (blogcore resolves the others)
        ('<video src="{attach}talk.mp4" poster="{attach}talk.jpg"></video>', {"talk.jpg"}),
        ('<a href="{attach}a.pdf">a</a> and <a href="{attach}b.pdf">b</a>', {"a.pdf", "b.pdf"}),
    ],
)
def test_attach_values_are_the_attach_links_pelican_resolves(html, found):
    assert intrasite.attach_values(html, intrasite.link_pattern(REGEX)) == found
