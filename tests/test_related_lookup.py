"""Which post `invoke related` is asked about, and the did-you-mean for a slug no post has
(plugins/related/lookup.py; probe 8 finding 10)."""

import pytest

from plugins.related import lookup
from plugins.related.model import Doc


def entry(key, source, url, state="", lang="en"):
    return lookup.Entry(Doc(key=key, lang=lang, text="", date=0.0, source=source), url, state)


ENTRIES = [
    entry("how-we-hire", "content/posts/how-we-hire.md", "posts/how-we-hire/"),
    entry("how-we-hire", "content/posts/how-we-hire.fr.md", "fr/posts/how-we-hire/", lang="fr"),
    entry("open-day", "content/posts/2024/visits.md", "posts/open-day/"),
    entry("launch", "content/posts/launch.md", "drafts/posts/launch/", lookup.DRAFT),
]


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("open-day", ["content/posts/2024/visits.md"]),
        ("  Open-Day ", ["content/posts/2024/visits.md"]),  # any case, spaces aside
        ("/posts/open-day/", ["content/posts/2024/visits.md"]),
        ("posts/open-day", ["content/posts/2024/visits.md"]),
        ("https://blog.example/posts/open-day/", ["content/posts/2024/visits.md"]),
        ("https://blog.example/posts/open-day/index.html", ["content/posts/2024/visits.md"]),
        ("http://127.0.0.1:8000/posts/open-day/#comments", ["content/posts/2024/visits.md"]),
        # the file, however much of its path is given (its name is not its slug here)
        ("content/posts/2024/visits.md", ["content/posts/2024/visits.md"]),
        ("posts/2024/visits.md", ["content/posts/2024/visits.md"]),
        ("/home/maya/blog/content/posts/2024/visits.md", ["content/posts/2024/visits.md"]),
        ("./content/posts/2024/visits.md", ["content/posts/2024/visits.md"]),
        ("visits", []),  # a file's name without .md is no slug
        # a slug its translations share: both; the French address: the French one
        ("how-we-hire", ["content/posts/how-we-hire.md", "content/posts/how-we-hire.fr.md"]),
        ("/fr/posts/how-we-hire/", ["content/posts/how-we-hire.fr.md"]),
        ("content/posts/how-we-hire.fr.md", ["content/posts/how-we-hire.fr.md"]),
        # a draft: by slug, by its address once published, by its address as a draft
        ("launch", ["content/posts/launch.md"]),
        ("/posts/launch/", ["content/posts/launch.md"]),
        ("/drafts/posts/launch/", ["content/posts/launch.md"]),
        ("", []),
        ("no-such-post", []),
    ],
)
def test_find(asked, found):
    assert [e.doc.source for e in lookup.find(asked, ENTRIES)] == found


@pytest.mark.parametrize(
    ("asked", "line"),
    [
        ("how-we-hir", "No post has the slug 'how-we-hir': did you mean 'how-we-hire'?"),
        (
            "/posts/open-dya/",
            "No post has the address '/posts/open-dya/': did you mean 'open-day'?",
        ),
        (
            "content/posts/lunch.md",
            "No post is written in 'content/posts/lunch.md': did you mean 'launch'?",
        ),
        ("zebracorn", "No post has the slug 'zebracorn'."),
    ],
)
def test_unknown(asked, line):
    assert lookup.unknown(asked, ENTRIES) == line


def test_heading_says_what_a_post_not_published_is():
    assert lookup.heading(ENTRIES[0]) == (
        "Related posts for how-we-hire (content/posts/how-we-hire.md, en):"
    )
    assert lookup.heading(ENTRIES[3]) == (
        "Related posts for launch (content/posts/launch.md, en), a draft (Status: draft); "
        "published, it would show:"
    )
    future = entry("t", "content/posts/t.md", "drafts/posts/t/", lookup.scheduled("2027-03-02"))
    assert ", scheduled for 2027-03-02 (its Date is in the future); " in lookup.heading(future)
    # a post dated by its file's name has no Date: line to look for
    assert lookup.scheduled("2099-05-01", "the date in its file's name") == (
        "scheduled for 2099-05-01 (the date in its file's name is in the future)"
    )


PUBLISHED = ["why-we-store-bookings-as-postgresql-ranges", "part-1", "how-we-hire"]


UNPUBLISHED = {
    "part-2": lookup.DRAFT,
    "part-3": lookup.scheduled("2027-03-02"),
    "old-news": lookup.HIDDEN,
}


@pytest.mark.parametrize(
    ("message", "slug", "line"),
    [
        (
            "Related: no published post 'why-we-store-bookings-as-postgres-ranges'",
            "why-we-store-bookings-as-postgres-ranges",  # one word off
            "Related: no published post 'why-we-store-bookings-as-postgres-ranges' (did you mean "
            "'why-we-store-bookings-as-postgresql-ranges'?)",
        ),
        (
            "Related: no published post 'How-We-Hire'",
            "How-We-Hire",
            "Related: no published post 'How-We-Hire' (did you mean 'how-we-hire'?)",
        ),
        ("Related: no published post 'zebracorn'", "zebracorn", None),
        # published in another language: said so in the message, no slug for a hint
        ("Related: no published post 'part-1' in language 'fr'", "", None),
        # there but not published: a pin to it is meant, not a typo
        (
            "Related: no published post 'part-2'",
            "part-2",
            "Related: 'part-2' is a draft (Status: draft), so it is not linked until it is "
            "published",
        ),
        (
            "Related: no published post 'part-3'",
            "part-3",
            "Related: 'part-3' is scheduled for 2027-03-02 (its Date is in the future), so it "
            "is not linked until it is published",
        ),
        (
            "Related: no published post 'old-news'",
            "old-news",
            "Related: 'old-news' is hidden (Status: hidden), and a hidden post is never shown "
            "as related reading",
        ),
        (
            "Related_exclude: no published post 'part-2'",
            "part-2",
            "Related_exclude: 'part-2' is a draft (Status: draft), so there is nothing to leave "
            "out until it is published (then it is left out)",
        ),
        (
            "Related_exclude: no published post 'old-news'",
            "old-news",
            "Related_exclude: 'old-news' is hidden (Status: hidden), and a hidden post is never "
            "shown as related reading, so this leaves out nothing",
        ),
        # a misspelt slug of a post that is there but not published: the hint, and what it is
        (
            "Related: no published post 'part-22'",
            "part-22",
            "Related: no published post 'part-22' (did you mean 'part-2'? it is a draft "
            "(Status: draft), so it is not linked until it is published)",
        ),
        (
            "Related_exclude: no published post 'old-nws'",
            "old-nws",
            "Related_exclude: no published post 'old-nws' (did you mean 'old-news'? it is hidden "
            "(Status: hidden), and a hidden post is never shown as related reading, so this "
            "leaves out nothing)",
        ),
        (
            "Related: no published post 'prt-3'",
            "prt-3",
            "Related: no published post 'prt-3' (did you mean 'part-3'? it is scheduled for "
            "2027-03-02 (its Date is in the future), so it is not linked until it is published)",
        ),
    ],
)
def test_pin_line(message, slug, line):
    assert lookup.pin_line(message, slug, PUBLISHED, UNPUBLISHED) == (line or message)
