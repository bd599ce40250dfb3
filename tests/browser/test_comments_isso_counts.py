"""Isso's own counts where its catalogue is wrong, end to end: pages in Czech and Galician
with no catalog of ours (Isso's words), a real Isso on loopback, a strict
Content-Security-Policy, a real Chromium. Isso's Czech has two forms ("2 Komentářů"), its
Galician is half English ("3 Comments"); the embed's corrected forms stand in for them."""

import re
import sqlite3
from contextlib import closing

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import isso_comment, isso_for_site, serve_folder
from tests.conftest import _builder
from tests.test_comments_plurals import isso_catalogue, posts
from tests.test_comments_site import POSTS

# slug: (language, comments)
THREADS = {
    "jeden": ("cs", 1),
    "dva": ("cs", 2),
    "dvacet-dva": ("cs", 22),
    "tres": ("gl", 3),
    "ketto": ("hu", 2),  # Isso's Hungarian count is right: its own
    "szavak": ("hu", 1),  # a comment is written here through the form (test_no_english_…)
    "skryto": ("cs", 1),  # with REPLIES: "show N more"
    "dvadeset-jedan": ("hr", 21),  # Isso's Croatian: "21 komentara"
    "to": ("da", 2),  # Isso's Danish: "2 Kommentarer"
    "pereglyad": ("uk", 1),  # Isso's Ukrainian Preview button: "Прев'ю"
    "khvylyny": ("uk", 3),  # written 21, 5 and 1 minutes ago (AGO): Isso's "5хвилин тому"
    "minute": ("hr", 3),  # written 21, 2 and 1 minutes ago: Isso's "prije 2 minuta"
    "jedan": ("hr", 1),  # Isso's "Jedan komentar", which the corrected forms said "1 komentar"
    "imya": ("ru", 1),  # Isso's Russian has no name or e-mail placeholder: its English ones
    "nombre": ("es", 1),  # Isso's Spanish gives the English ones
}
# slug: how many minutes ago each of its comments was written (the database is set back)
AGO = {"khvylyny": (21, 5, 1), "minute": (21, 2, 1)}
# slug: replies to its first comment (Isso shows 5 of them, then a link to the rest)
REPLIES = {"skryto": 7}


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser_type_launch_args):
    """Isso with a fresh database holding each thread's comments; the site (the theme's own
    catalogs only: no Czech, Galician or Hungarian) served with no inline script or style."""
    base = tmp_path_factory.mktemp("isso-counts")
    with isso_for_site(base) as (isso, origin, site_port, csp):
        built = _builder(base)(
            {**POSTS, **posts({slug: lang for slug, (lang, _) in THREADS.items()})},
            siteurl=origin,
            I18N_CACHE_PATH=str(base / "i18n-cache"),
            COMMENTS_ISSO_URL=isso,
        )
        server = serve_folder(built.output, site_port, [("Content-Security-Policy", csp)])
        try:
            for slug, (_lang, count) in THREADS.items():
                first = None
                for n in range(count):
                    made = isso_comment(isso, origin, slug, text=f"Comment {n} on {slug}")
                    first = first or made
                for n in range(REPLIES.get(slug, 0)):
                    isso_comment(isso, origin, slug, text=f"Reply {n}", parent=first["id"])
            with closing(sqlite3.connect(base / "isso" / "comments.db")) as db, db:
                for slug, minutes in AGO.items():
                    ids = db.execute(
                        "SELECT c.id FROM comments c JOIN threads t ON c.tid = t.id"
                        " WHERE t.uri = ? ORDER BY c.id",
                        (slug,),
                    ).fetchall()
                    for (comment,), back in zip(ids, minutes, strict=True):
                        db.execute(
                            "UPDATE comments SET created = created - ? WHERE id = ?",
                            (back * 60, comment),
                        )
            yield origin
        finally:
            server.shutdown()


def _heading(page: Page, site: str, slug: str):
    lang, count = THREADS[slug]
    if not hasattr(page, "csp"):  # what Chromium refused, over every page this test opens
        page.csp = []
        page.on(
            "console", lambda m: page.csp.append(m.text) if "Content Security" in m.text else None
        )
    page.goto(f"{site}/{lang}/posts/{slug}/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(page.locator("#isso-root > .isso-comment")).to_have_count(count)
    return page.locator("#comments .isso-thread-heading")


def test_isso_s_wrong_counts_are_corrected_in_its_language(page: Page, site):
    """Czech: 1 komentář, 2-4 komentáře, 5 and up komentářů (Isso said "2 Komentářů" and
    "22 Komentářů"); Galician: "3 comentarios" (Isso said "3 Comments"); Croatian "21 komentar"
    (Isso said "21 komentara"), Danish "2 kommentarer" (Isso: "2 Kommentarer"). The rest of the
    thread keeps Isso's words, unmarked: they are the page's language."""
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    for slug, text, button in (
        ("jeden", "Jeden komentář", "Publikovat"),
        ("dva", "2 komentáře", "Publikovat"),
        ("dvacet-dva", "22 komentářů", "Publikovat"),
        ("tres", "3 comentarios", "Enviar"),
        ("ketto", "2 hozzászólás", "Elküld"),
        ("dvadeset-jedan", "21 komentar", "Pošalji"),
        ("jedan", "Jedan komentar", "Pošalji"),
        ("to", "2 kommentarer", "Send"),
    ):
        heading = _heading(page, site, slug)
        expect(heading).to_have_text(text)
        assert not heading.get_attribute("lang"), slug
        submit = page.locator("#comments .isso-postbox input[type=submit]")
        expect(submit).to_have_value(button)
    assert refused == []


@pytest.mark.parametrize(
    ("slug", "times"),
    [
        ("khvylyny", ["21 хвилину тому", "5 хвилин тому", "хвилину тому"]),  # oldest first
        ("minute", ["prije 21 minutu", "prije 2 minute", "prije minutu"]),
    ],
)
def test_isso_s_wrong_times_are_worded_as_cldr_words_them(page: Page, site, slug, times):
    """Isso's Ukrainian said "5хвилин тому" (no space) and "хвилину тому" (a minute ago) for
    21 minutes; its Croatian "prije 2 minuta" and "prije 21 minuta" (English's rule). The
    embed's forms (CLDR's) stand in, and comments.js words each count by its category; exactly
    1 keeps Isso's words without the count (the forms for 1's category said "1 хвилину тому",
    "prije 1 minutu")."""
    _heading(page, site, slug)
    expect(page.locator("#isso-root > .isso-comment .isso-permalink > time")).to_have_text(times)
    assert page.csp == []


# Isso 0.14's English words (isso/js/app/i18n/en.js), each line of a plural a pattern
ENGLISH = [
    re.compile("^" + re.escape(line).replace(re.escape("{{ n }}"), r"\d+") + "$")
    for text in isso_catalogue("en").values()
    for line in text.split("\n")
    if text != "https://example.com"  # the website's placeholder: an address, no language's
]
# Every word the comment box shows, with the language it is read in: text (readers' comments
# left out), placeholders, buttons' values
SHOWN = """root => {
  const shown = [];
  const add = (text, node) => text && text.trim() &&
    shown.push([text.trim(), node.closest("[lang]").getAttribute("lang")]);
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode;
    const parent = node.parentElement;
    if (!parent.closest(".isso-text, script")) add(node.textContent, parent);
  }
  root.querySelectorAll("[placeholder]").forEach(n => add(n.getAttribute("placeholder"), n));
  root.querySelectorAll("input[type=submit], input[type=button]").forEach(n => add(n.value, n));
  return shown;
}"""


def _english(page: Page) -> list[tuple[str, str]]:
    """The words of Isso's English the box shows unmarked (not in an element marked en)."""
    shown = page.locator("#comments #isso-thread").evaluate(SHOWN)
    return [
        (text, lang)
        for text, lang in shown
        if lang != "en" and any(pattern.match(text) for pattern in ENGLISH)
    ]


def test_no_english_left_in_hungarian_and_czech_boxes(page: Page, site):
    """Isso's Hungarian and Czech catalogues lack the name and e-mail placeholders (the form
    said "John Doe" and "johndoe@example.com", read as Hungarian or Czech), the reply-notice
    label, the feed link and the author suffix; its Hungarian "Cancel" said "Delete"
    ("Törlés", beside its Delete) and "Edit" was misspelt, its Czech "N hidden" was one
    neuter form. The embed's words stand in: nothing English is left unmarked, the thread,
    the form, and a comment being edited included."""
    _heading(page, site, "szavak")
    form = page.locator("#comments .isso-postbox").first
    expect(form.locator("input[name=author]")).to_have_attribute(
        "placeholder", "Nyilvánosan megjelenik"
    )
    expect(form.locator("input[name=email]")).to_have_attribute(
        "placeholder", "Sehol nem jelenik meg"
    )
    expect(form.locator(".isso-notification-section label")).to_have_text(
        "Értesítés e-mailben, ha valaki válaszol"
    )
    form.locator(".isso-textarea").fill("Nagyon hasznos volt, köszönöm.")
    form.locator("input[type=submit]").click()
    mine = page.locator("#isso-root > .isso-comment").nth(1)
    mine.locator("a.isso-edit").click()
    expect(mine.locator("a.isso-edit")).to_have_text("Mentés")
    expect(mine.locator("a.isso-cancel")).to_have_text("Mégse")
    assert _english(page) == [], _english(page)

    _heading(page, site, "skryto")
    expect(page.locator("#comments a.isso-load-hidden")).to_have_text("2 skryté komentáře")
    form = page.locator("#comments .isso-postbox").first
    expect(form.locator("input[name=author]")).to_have_attribute(
        "placeholder", "Zobrazí se veřejně"
    )
    expect(page.locator("#comments .comments__hint").first).to_have_text(
        "Sem napište svůj komentář (nejméně 3 znaky)"
    )
    assert _english(page) == [], _english(page)

    # Isso writes its Preview button as value='…': its Ukrainian "Прев'ю" ended at the "'"
    _heading(page, site, "pereglyad")
    preview = page.locator("#comments .isso-postbox input[name=preview]").first
    expect(preview).to_have_value("Попередній перегляд")
    assert page.csp == []


@pytest.mark.parametrize("slug", ["imya", "nombre"])
def test_no_english_placeholders_in_languages_isso_gives_them_in(page: Page, site, slug):
    """Isso's Russian catalogue has no name or e-mail placeholder and its Spanish gives the
    English ones: the form said "John Doe" and "johndoe@example.com", read as Russian or
    Spanish. The name's placeholder is gone (its label says what the field is) and the
    e-mail's is an address with no one's name: no English left unmarked in the box."""
    _heading(page, site, slug)
    form = page.locator("#comments .isso-postbox").first
    expect(form.locator("input[name=email]")).to_have_attribute("placeholder", "name@example.com")
    assert form.locator("input[name=author]").get_attribute("placeholder") is None
    assert _english(page) == [], _english(page)
    assert page.csp == []


def test_a_page_without_corrected_comment_counts_still_gets_its_labels_marked(page: Page, site):
    """Ukrainian's corrected plurals have no num-comments (Isso's own count is right): the
    script stopped at the heading, with an error, before rewording times and "N hidden" and
    marking its English labels, so "Your comment" was read as Ukrainian."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _heading(page, site, "khvylyny")
    expect(page.locator("#comments .comments__label").first).to_have_attribute("lang", "en")
    assert errors == []
