"""A comment's time where Isso's catalogue words it wrong, end to end: Portuguese and Italian
pages, with Isso's words (no catalog of ours) and with a catalog of ours (pt-BR, it-CH), a
real Isso on loopback, a strict Content-Security-Policy, a real Chromium. Isso's Portuguese
said "3 dias" (no "ago") beside "2 semanas atrás"; its Italian "questa settimana", "questo
mese", "quest'anno" (this week, month, year) for 10, 40 and 400 days ago; its Ukrainian
"останній місяць" (the final month) for 40 days ago. The embed's times
(CORRECTED_TIMES in the provider) stand in for them, as Isso's own lines."""

import sqlite3
from contextlib import closing

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import isso_comment, record_csp, serve_with_isso
from tests.test_comments_plurals import posts, write_catalog
from tests.test_comments_site import POSTS

# slug: its page's language; each thread has a comment of each age in DAYS
THREADS = {"dias": "pt", "dias-br": "pt-BR", "giorni": "it", "giorni-ch": "it-CH", "dni": "uk"}
# oldest first, as Isso shows them; an hour more, as a reader comes to them
DAYS = (400, 40, 17, 10, 3)
CATALOGS = {"pt-BR": "Responder", "it-CH": "Rispondi"}  # pages of ours in Isso's language
PORTUGUESE = ["ano passado", "mês passado", "há 2 semanas", "semana passada", "há 3 dias"]
ITALIAN = ["1 anno fa", "1 mese fa", "2 settimane fa", "1 settimana fa", "3 giorni fa"]
UKRAINIAN = ["минулого року", "минулого місяця", "2 тижні тому", "минулого тижня", "3 дні тому"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser_type_launch_args):
    """Isso with a fresh database holding each thread's comments, set back by DAYS; the site
    (a pt-BR and an it-CH catalog of ours, none for pt or it) served with no inline script or
    style."""
    base = tmp_path_factory.mktemp("isso-times")
    translations = base / "translations"
    for lang, reply in CATALOGS.items():
        write_catalog(translations, lang, {"Reply": reply})
    files = {**POSTS, **posts(THREADS)}
    with serve_with_isso(base, files, I18N_TRANSLATIONS_PATH=str(translations)) as (isso, origin):
        made = {
            isso_comment(isso, origin, slug, text=f"{days} days on {slug}")["id"]: days
            for slug in THREADS
            for days in DAYS
        }
        # after Isso has written them all: an open write would lock it out
        with closing(sqlite3.connect(base / "isso" / "comments.db")) as db, db:
            for comment, days in made.items():
                db.execute(
                    "UPDATE comments SET created = created - ? WHERE id = ?",
                    (days * 86400 + 3600, comment),
                )
        yield origin


def _times(page: Page, site: str, slug: str):
    """The times Isso shows on the thread's comments, once it has shown them all."""
    record_csp(page)
    page.goto(f"{site}/{THREADS[slug]}/posts/{slug}/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(page.locator("#isso-root > .isso-comment")).to_have_count(len(DAYS))
    return page.locator("#isso-root > .isso-comment .isso-permalink > time")


@pytest.mark.parametrize(
    ("slug", "times"),
    [
        ("dias", PORTUGUESE),  # Isso's "3 dias" and "2 semanas atrás"
        ("dias-br", PORTUGUESE),  # a catalog of ours: Isso still words the times
        ("giorni", ITALIAN),  # Isso's "questa settimana", "questo mese", "quest'anno"
        ("giorni-ch", ITALIAN),
        ("dni", UKRAINIAN),  # Isso's "останній місяць" (the final month)
    ],
)
def test_times_isso_words_wrong_read_as_ago(page: Page, site, slug, times):
    expect(_times(page, site, slug)).to_have_text(times)
    script = page.locator("#comments script[data-isso]")
    lang = script.get_attribute("data-isso-lang").lower()
    day = script.get_attribute(f"data-isso-date-day-text-{lang}")
    week = script.get_attribute(f"data-isso-date-week-text-{lang}")
    if slug.startswith("dias"):
        assert (day, week) == ("ontem\nhá {{ n }} dias", "semana passada\nhá {{ n }} semanas")
    elif slug == "dni":
        assert script.get_attribute("data-isso-date-month-text-uk").startswith("минулого місяця")
    else:
        assert day is None  # Isso's own: "Ieri", "3 giorni fa"
        assert week == "1 settimana fa\n{{ n }} settimane fa"
    assert record_csp(page) == []
