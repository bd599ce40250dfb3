"""Posts written in Obsidian: its aliases, wiki links, embeds and callouts (and GitHub's
alerts), each named with its line and what to write; its %% comments: test_private_notes.py."""

import logging

import markdown
import pytest
from bs4 import BeautifulSoup

from plugins.blogcore import callouts, foreign


def logged(caplog, level=logging.WARNING) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= level]


NOTE = (
    "---\ntitle: Quarterly planning\ndate: 2024-03-01\ncategory: Company\nauthor: Ada Byrne\n"
    "aliases:\n  - Q2 planning\n  - Planning\n---\n\n"
    "Read [[Launch retro|the retro]] first.\n\n"
    "> [!note] Remember\n> The budget is tight.\n\n"
    "`[[not a link]]` in code.\n"
)


def test_obsidian_aliases_are_names_not_addresses(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/plan.md": NOTE}, publish=True, name="obsidian-pub")
    assert site.exists("posts/quarterly-planning/")
    said = [m for m in logged(caplog) if m.startswith("obsidian-pub/posts/plan.md")]
    assert said == [
        "obsidian-pub/posts/plan.md: Aliases: Q2 planning, Planning are other names of the "
        "note (Obsidian's aliases), not old addresses of the post, and are ignored: remove the "
        "line (an old address that should redirect here is a path: Redirect_from: "
        "/posts/old-slug/)",
        "obsidian-pub/posts/plan.md: line 11: [[Launch retro|the retro]] is an Obsidian wiki "
        "link, which this site shows as written, brackets and all (no link); write "
        "[the retro]({filename}Launch%20retro.md) (the note's file, from this post's folder)",
    ], said
    assert not site.exists("Q2 planning") and not site.exists("Planning")
    # the callout is the site's admonition box, said nothing of
    box = site.soup("posts/quarterly-planning/").select_one(".post-content .admonition.note")
    assert box.select_one(".admonition-title").get_text() == "Remember"
    assert box.select_one("p:not(.admonition-title)").get_text() == "The budget is tight."


def test_obsidian_embed_of_a_picture_stops_a_publish(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = NOTE.replace("first.\n", "first.\n\n![[whiteboard.png|400]]\n")
    with pytest.raises(SystemExit):
        build_site({"posts/plan.md": post}, publish=True, name="obsidian-embed")
    assert (
        "obsidian-embed/posts/plan.md: line 13: ![[whiteboard.png|400]] is an Obsidian embed, "
        "which this site shows as written: the picture is not on the page (nor published); "
        "write ![what it shows]({attach}whiteboard.png) (the picture's file, from this post's "
        "folder)"
    ) in logged(caplog, logging.ERROR), logged(caplog)


@pytest.mark.parametrize(
    ("html", "said"),
    [
        ("<p>See [[Launch retro]].</p>", ["[[Launch retro]] is an Obsidian wiki link"]),
        (
            "<p>[[Launch retro#What went well]]</p>",
            ["write [What went well]({filename}Launch%20retro.md)"],
        ),
        ("<p>![[Other note]]</p>", ["![[Other note]] is an Obsidian embed"]),
        ("<p>![[a b.jpg]]</p>", ["write ![what it shows]({attach}a%20b.jpg)"]),
        (
            "<blockquote><p>[!NOTE]\nGitHub's alert.</p><p>[!tip]- Folded</p></blockquote>",
            ["[!NOTE] (and 1 more place in this file); write the admonition !!! note, its"],
        ),
        ("<p><code>[[x]]</code></p><pre>![[y.png]]</pre>", []),
        ("<p>a [[ ]] b, a list [1, [2]] and [!important] outside a quote</p>", []),
        # a POSIX class in a sentence about regular expressions or tr (a Chinese blog's
        # "[[:alnum:]]" was told to link {filename}:alnum:.md; probe V)
        ("<p>也就是[[:alnum:]], [[:space:]] and [[:<:]]</p>", []),
    ],
)
def test_obsidian_found(html, said):
    messages = [piece.message for piece in foreign.found(html)]
    assert len(messages) == len(said), messages
    for message, part in zip(messages, said, strict=True):
        assert part in message, message


CALLOUTS = (
    'Intro.\n\n> [!warning]- Folded "here"\n> The budget is tight.\n>\n> Second.\n\n'
    "> [!IMPORTANT]\n> GitHub's alert.\n\n> A plain quote.\n\n"
    "```\n> [!note] in code\n```\n\n- An item\n\n    > [!tip]\n    > In the item.\n"
)


def test_callouts_are_admonitions():
    html = markdown.markdown(
        CALLOUTS, extensions=["admonition", "fenced_code", callouts.CalloutsExtension()]
    )
    soup = BeautifulSoup(html, "html.parser")
    boxes = [
        (
            box["class"][1],
            box.select_one(".admonition-title").get_text(),
            box.get_text(" ", strip=True),
        )
        for box in soup.select(".admonition")
    ]
    assert boxes == [
        (
            "warning",
            'Folded "here"',
            'Folded "here" The budget is tight. Second.',
        ),
        ("important", "Important", "Important GitHub's alert."),
        ("tip", "Tip", "Tip In the item."),
    ]
    assert soup.select_one("blockquote").get_text(strip=True) == "A plain quote."
    assert "> [!note] in code" in soup.select_one("pre").get_text()
    assert soup.select_one("li .admonition.tip")


def test_callouts_without_admonitions_stay_quotes():
    html = markdown.markdown("> [!note]\n> Text.", extensions=[callouts.CalloutsExtension()])
    assert html.startswith("<blockquote>")
    assert "[!note]" in foreign.found(html)[0].message


def test_wiki_link_in_a_summary_is_named(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Plans\nDate: 2024-03-01\nCategory: Company\nAuthor: Ada Byrne\n"
        "Summary: See [[Launch retro]].\n\nThe text, with ~~no~~ link.\n"
    )
    build_site({"posts/plans.md": post}, name="obsidian-summary")
    said = [m for m in logged(caplog) if m.startswith("obsidian-summary/posts/plans.md")]
    assert [m.split(" is ", 1)[0] for m in said] == [
        "obsidian-summary/posts/plans.md: line 5: [[Launch retro]]",
        "obsidian-summary/posts/plans.md: line 7: ~~no~~",
    ], said
