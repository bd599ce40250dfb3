"""Counts in the strings' language, end to end: a real Isso on loopback, pages in Russian and
Hungarian (no catalog of ours: Isso's own words), Czech and Arabic (catalogs with three and six
forms, written by the test), served under a strict Content-Security-Policy, in a real Chromium.
Isso picks a count's form by its own rules for its language (two forms for Czech; English ones
for Arabic, which it has no catalogue for); comments.js rewords it."""

import contextlib
import sqlite3

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import isso_comment, isso_for_site, serve_folder
from tests.test_comments_plurals import build, posts

# slug: (language, top-level comments, replies to the first)
THREADS = {
    "schet": ("ru", 21, 0),
    "konyv": ("hu", 2, 0),
    "jeden": ("cs", 1, 0),
    "pet": ("cs", 5, 0),
    "dvacet-dva": ("cs", 22, 0),
    "skryte": ("cs", 1, 10),  # Isso shows 5 replies: "show 5 more"
    "ithnan": ("ar", 2, 0),
    "ithnan-wa-ishrun": ("ar", 22, 0),
    "qabl-yawmayn": ("ar", 1, 0),  # its comment two days old (AGED)
    "qabl-ayyam": ("ar", 1, 0),  # its comment three days old
    "fanti": ("zh-Hant", 1, 0),
    "llyfr": ("cy", 2, 0),  # its first comment named (NAMED), the second anonymous
}
NAMED = {"llyfr": "Dafydd"}
# seconds taken off a thread's comments' times: "2 days ago", "3 days ago" (Isso counts whole
# days from 36 hours on)
AGED = {"qabl-yawmayn": 2 * 86400 + 3600, "qabl-ayyam": 3 * 86400 + 3600}


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser_type_launch_args):
    """Isso with a fresh database (no rate limit: local_isso's [guard] is off) holding each
    thread's comments; the site served with no inline script or style allowed."""
    base = tmp_path_factory.mktemp("isso-plurals")
    files = posts({slug: lang for slug, (lang, _, _) in THREADS.items()})
    # older: off the home page's cards
    for slug in ("qabl-yawmayn", "qabl-ayyam", "fanti", "llyfr"):
        path = f"posts/{slug}.md"
        files[path] = files[path].replace("2024-08-01", "2024-07-01")
    with isso_for_site(base) as (isso, origin, site_port, csp):
        built = build(
            base,
            files,
            siteurl=origin,
            COMMENTS_ISSO_URL=isso,
            COMMENTS_COUNTS=True,
            COMMENTS_ISSO_VOTE=True,  # the vote arrows' labels (test_words_..._with_theirs)
        )
        server = serve_folder(built.output, site_port, [("Content-Security-Policy", csp)])
        try:
            _comment(isso, origin, base / "isso" / "comments.db")
            yield origin
        finally:
            server.shutdown()


def _comment(isso: str, origin: str, db_path) -> None:
    """Each thread's comments and replies, the AGED ones made older."""
    for slug, (_lang, top, replies) in THREADS.items():
        first = None
        for n in range(top):
            named = {"author": NAMED[slug]} if n == 0 and slug in NAMED else {}
            made = isso_comment(isso, origin, slug, text=f"Comment {n} on {slug}", **named)
            first = first or made
        for n in range(replies):
            isso_comment(isso, origin, slug, text=f"Reply {n} on {slug}", parent=first["id"])
    with contextlib.closing(sqlite3.connect(db_path)) as db, db:
        for slug, seconds in AGED.items():
            db.execute(
                "UPDATE comments SET created = created - ? "
                "WHERE tid = (SELECT id FROM threads WHERE uri = ?)",
                (seconds, slug),
            )


def _open(page: Page, site: str, slug: str) -> Page:
    if not hasattr(page, "csp"):  # what Chromium refused, over every page this test opens
        page.csp = []
        page.on(
            "console", lambda m: page.csp.append(m.text) if "Content Security" in m.text else None
        )
    page.goto(f"{site}/{THREADS[slug][0]}/posts/{slug}/")
    page.locator("#comments").scroll_into_view_if_needed()
    return page


def _heading(page: Page, site: str, slug: str):
    """The thread's heading, once Isso has shown the thread's top-level comments."""
    _open(page, site, slug)
    expect(page.locator("#isso-root > .isso-comment")).to_have_count(THREADS[slug][1])
    return page.locator("#comments .isso-thread-heading")


def test_a_page_only_isso_speaks_the_language_of_gets_isso_s_own_words(page: Page, site):
    """No Russian or Hungarian catalog of ours, but Isso has both: a Hungarian page's thread
    said "2 comments" and "Post comment" (our English, which took Isso's Hungarian's place);
    a Russian one "21 comments". Isso's own words now, counted by its own rules."""
    expect(_heading(page, site, "konyv")).to_have_text("2 hozzászólás")
    expect(page.locator("#comments .isso-postbox input[type=submit]")).to_have_value("Elküld")
    assert page.locator("html").get_attribute("lang") == "hu"
    assert page.locator("#comments script[data-isso]").get_attribute("data-isso-lang") == "hu"
    expect(_heading(page, site, "schet")).to_have_text("21 комментарий")
    assert page.csp == []


def test_a_czech_catalog_counts_in_its_three_forms(page: Page, site):
    # Isso's Czech has two forms: it said "5 komentáře" and "22 komentáře"
    for slug, heading in (
        ("jeden", "1 komentář"),
        ("pet", "5 komentářů"),
        ("dvacet-dva", "22 komentářů"),
    ):
        expect(_heading(page, site, slug)).to_have_text(heading)
        assert page.csp == []


def test_an_arabic_catalog_counts_in_its_six_forms(page: Page, site):
    # Isso has no Arabic and runs in English: for 22 it took the form for 2, the dual
    for slug, heading in (("ithnan-wa-ishrun", "22 تعليقًا"), ("ithnan", "تعليقان")):
        expect(_heading(page, site, slug)).to_have_text(heading)
        assert page.csp == []


def test_show_more_follows_them_too(page: Page, site):
    _open(page, site, "skryte")
    expect(page.locator("#comments .isso-thread-heading")).to_have_text("11 komentářů")
    more = page.locator("#comments a.isso-load-hidden")
    expect(more).to_have_text("Zobrazit dalších 5")  # Isso's two forms: "Zobrazit další 5"
    more.click()
    expect(page.locator("#comments .isso-follow-up .isso-comment")).to_have_count(10)
    assert page.csp == []


def test_isso_gets_each_plural_as_lines_that_show_the_count(page: Page, site):
    """What Isso gets before the rewording is still its kind of plural (the forms for 1, 2 and
    5, one a line), and each line Isso may take for more than one count shows the count."""
    _open(page, site, "ithnan-wa-ishrun")
    expect(page.locator("#comments .isso-thread-heading")).to_have_text("22 تعليقًا")
    script = page.locator("#comments script[data-isso]")
    assert script.get_attribute("data-isso-lang") == "en"  # Isso has no Arabic
    lines = script.get_attribute("data-isso-num-comments-text-en").split("\n")
    assert lines == ["تعليق واحد", "{{ n }} تعليقات", "{{ n }} تعليقات"]
    _open(page, site, "pet")
    lines = page.locator("#comments script[data-isso]").get_attribute(
        "data-isso-num-comments-text-cs"
    )
    assert lines.split("\n") == ["{{ n }} komentář", "{{ n }} komentáře", "{{ n }} komentářů"]


def test_counts_on_the_home_page_follow_them_too(page: Page, site):
    """The cards' counts (COMMENTS_COUNTS) come from Isso's count API as numbers and are worded
    the same way: they said "{n} comments" in English for the Czech and Arabic cards (the
    catalogs' singular and plural only, by a one-or-many rule)."""
    page.goto(site + "/")
    texts = {
        a.get_attribute("data-comments-id"): a for a in page.locator(".post-card__comments a").all()
    }
    for slug, text in (
        ("schet", "21 comments"),  # an English card: English words, English rules
        ("jeden", "1 komentář"),
        ("pet", "5 komentářů"),
        ("dvacet-dva", "22 komentářů"),
        ("ithnan", "تعليقان"),
        ("ithnan-wa-ishrun", "22 تعليقًا"),
    ):
        expect(texts[slug]).to_have_text(text)


def _time(page: Page, site: str, slug: str):
    """The time Isso shows on the thread's first comment."""
    _open(page, site, slug)
    return page.locator("#isso-root .isso-permalink > time").first


def test_times_on_a_page_in_a_language_isso_lacks_are_in_the_pages_language(page: Page, site):
    """Isso has no Arabic and runs in English: a comment's time said "right now" and "2 days
    ago" on an Arabic page (probe 18, finding 4). Ours now, by the catalog's plural forms:
    Isso's English rule took the line for 2 (the dual, "two days ago") for 3 days too."""
    expect(_time(page, site, "ithnan")).to_have_text("الآن")
    expect(_time(page, site, "qabl-yawmayn")).to_have_text("قبل يومين")
    expect(_time(page, site, "qabl-ayyam")).to_have_text("قبل 3 أيام")
    assert page.csp == []


def test_times_on_a_traditional_chinese_page_are_traditional(page: Page, site):
    """Isso's zh is Simplified: a zh-Hant page said 刚刚; it runs in its zh-TW now."""
    expect(_time(page, site, "fanti")).to_have_text("剛剛")
    script = page.locator("#comments script[data-isso]")
    assert script.get_attribute("data-isso-lang") == "zh-TW"


# The language a screen reader reads an element in: its own lang, or its nearest ancestor's
LANG_OF = "node => node.closest('[lang]').getAttribute('lang')"


def _langs(page: Page, selector: str) -> set[str]:
    return set(page.locator(f"#comments {selector}").evaluate_all(f"ns => ns.map({LANG_OF})"))


def test_words_in_another_language_than_the_page_are_marked_with_theirs(page: Page, site):
    """WCAG 3.1.2. A Welsh page (no catalog of ours, none of Isso's): Isso's words, our English,
    were read as Welsh (nothing inside #isso-thread had a lang). A Hungarian page (Isso's own
    words): the labels comments.js adds ("Your comment", the vote arrows) were English read
    as Hungarian. Each is marked with its language now; readers' names and comments, and the
    fields they type into, keep the page's."""
    _heading(page, site, "llyfr")
    expect(page.locator("#comments .comments__label").first).to_be_attached()
    expect(page.locator("#comments .isso-thread-heading")).to_have_attribute("lang", "en")
    for words in (
        ".isso-thread-heading",
        ".isso-postbox .isso-input-wrapper > label",
        ".isso-postbox .isso-post-action > input",
        ".comments__label",
        ".comments__hint",
        ".isso-comment .isso-permalink",
        ".isso-comment-footer > a",  # Reply, and the vote arrows (named in English)
    ):
        assert _langs(page, words) == {"en"}, words
    assert page.locator("#comments a.isso-upvote").first.get_attribute("aria-label") == (
        "Vote for this comment"
    )
    authors = page.locator("#comments .isso-comment .isso-author")
    expect(authors).to_have_text(["Dafydd", "Anonymous"], ignore_case=False)
    assert [a.evaluate(LANG_OF) for a in authors.all()] == ["cy", "en"]
    for theirs in (".isso-comment .isso-text", "textarea", ".isso-postbox input[name=author]"):
        assert _langs(page, theirs) == {"cy"}, theirs

    _heading(page, site, "konyv")
    expect(page.locator("#comments .comments__label").first).to_have_attribute("lang", "en")
    assert _langs(page, ".comments__label, a.isso-upvote, a.isso-downvote") == {"en"}
    # Isso's own Hungarian words are the page's language: not marked
    assert _langs(page, ".isso-thread-heading, .isso-post-action > input, a.isso-reply") == {"hu"}

    _heading(page, site, "pet")  # a Czech catalog: every word in the page's language
    expect(page.locator("#comments .comments__label").first).to_be_attached()
    assert page.locator("#comments #isso-thread [lang]").count() == 0
    assert page.csp == []
