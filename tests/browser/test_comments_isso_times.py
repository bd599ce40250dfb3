"""A comment's time where Isso's catalogue words it wrong, end to end: pages with Isso's words
(no catalog of ours) and with a catalog of ours in Isso's language (pt-BR, it-CH, the theme's
French, a Croatian and a Ukrainian one), a real Isso on loopback, a strict
Content-Security-Policy, a real Chromium. Isso's Portuguese said "3 dias" (no "ago") beside
"2 semanas atrás"; its Italian "questa settimana", "questo mese", "quest'anno" (this week,
month, year) for 10, 40 and 400 days ago; its Ukrainian "останній місяць" (the final month)
for 40 days ago; its French "Il y a 5 heures " (a space at the end), its Danish "Igår", its
Vietnamese "Tuần qua" (this past week). The embed's times (CORRECTED_TIMES in the provider)
stand in for them, as Isso's own lines. Its Croatian "prije 21 sati" and "prije 3 tjedana",
its Ukrainian "годину тому" (an hour ago) for 21 hours and "минулого року" (last year) for
21 years are reworded by the embed's plurals, on a page of our catalog too."""

import shutil
import sqlite3
from contextlib import closing

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import isso_comment, record_csp, serve_with_isso
from tests.conftest import ROOT
from tests.test_comments_plurals import posts, write_catalog
from tests.test_comments_site import POSTS

HOUR, DAY = 3600, 86400
# oldest first, as Isso shows them; an hour more, as a reader comes to them
DAYS = tuple(days * DAY + HOUR for days in (400, 40, 17, 10, 3))
# 10 days, yesterday (30 hours), 5 hours and a half
RECENT = (10 * DAY + HOUR, 30 * HOUR, 5 * HOUR + HOUR // 2)
# 21 years (and 10 days), 21 days, 21 hours (and 10 minutes), 70 minutes
TWENTY_ONE = (int((21 * 365.25 + 10) * DAY), 21 * DAY + HOUR, 21 * HOUR + 600, 70 * 60)
# slug: its page's language and the ages of its comments, in seconds
THREADS = {
    "dias": ("pt", DAYS),
    "dias-br": ("pt-BR", DAYS),
    "giorni": ("it", DAYS),
    "giorni-ch": ("it-CH", DAYS),
    "dni": ("uk", DAYS),
    "heures": ("fr", RECENT),  # the theme's French catalog
    "dage": ("da", RECENT),
    "tuan": ("vi", RECENT),
    "sati": ("hr", TWENTY_ONE),
    "godyny": ("uk-UA", TWENTY_ONE),
}
# pages of ours in Isso's language (the theme's French catalog besides)
CATALOGS = {"pt-BR": "Responder", "it-CH": "Rispondi", "hr": "Odgovori", "uk-UA": "Відповісти"}
PORTUGUESE = ["ano passado", "mês passado", "há 2 semanas", "semana passada", "há 3 dias"]
ITALIAN = ["1 anno fa", "1 mese fa", "2 settimane fa", "1 settimana fa", "3 giorni fa"]
UKRAINIAN = ["минулого року", "минулого місяця", "2 тижні тому", "минулого тижня", "3 дні тому"]
FRENCH = ["Il y a une semaine", "Hier", "Il y a 5 heures"]  # Isso's "Il y a 5 heures "
DANISH = ["sidste uge", "i går", "5 timer siden"]  # "Igår"
VIETNAMESE = ["Tuần trước", "Hôm qua", "5 giờ trước"]  # "Tuần qua"
# Isso's "prije 21 sati", "prije 3 tjedana"
CROATIAN = ["prije 21 godinu", "prije 3 tjedna", "prije 21 sat", "prije sat vremena"]
# Isso's "минулого року" (last year), "годину тому" (an hour ago)
UKRAINIAN_21 = ["21 рік тому", "3 тижні тому", "21 годину тому", "годину тому"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser_type_launch_args):
    """Isso with a fresh database holding each thread's comments, set back by DAYS; the site
    (a pt-BR and an it-CH catalog of ours, none for pt or it) served with no inline script or
    style."""
    base = tmp_path_factory.mktemp("isso-times")
    translations = base / "translations"
    for lang, reply in CATALOGS.items():
        write_catalog(translations, lang, {"Reply": reply})
    shutil.copytree(ROOT / "theme" / "translations" / "fr", translations / "fr")
    files = {**POSTS, **posts({slug: lang for slug, (lang, _ages) in THREADS.items()})}
    with serve_with_isso(base, files, I18N_TRANSLATIONS_PATH=str(translations)) as (isso, origin):
        made = {
            isso_comment(isso, origin, slug, text=f"{age} seconds on {slug}")["id"]: age
            for slug, (_lang, ages) in THREADS.items()
            for age in ages
        }
        # after Isso has written them all: an open write would lock it out
        with closing(sqlite3.connect(base / "isso" / "comments.db")) as db, db:
            for comment, age in made.items():
                db.execute("UPDATE comments SET created = created - ? WHERE id = ?", (age, comment))
        yield origin


def _times(page: Page, site: str, slug: str):
    """The times Isso shows on the thread's comments, once it has shown them all."""
    record_csp(page)
    lang, ages = THREADS[slug]
    page.goto(f"{site}/{lang}/posts/{slug}/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(page.locator("#isso-root > .isso-comment")).to_have_count(len(ages))
    return page.locator("#isso-root > .isso-comment .isso-permalink > time")


@pytest.mark.parametrize(
    ("slug", "times"),
    [
        ("dias", PORTUGUESE),  # Isso's "3 dias" and "2 semanas atrás"
        ("dias-br", PORTUGUESE),  # a catalog of ours: Isso still words the times
        ("giorni", ITALIAN),  # Isso's "questa settimana", "questo mese", "quest'anno"
        ("giorni-ch", ITALIAN),
        ("dni", UKRAINIAN),  # Isso's "останній місяць" (the final month)
        ("heures", FRENCH),
        ("dage", DANISH),
        ("tuan", VIETNAMESE),
        ("sati", CROATIAN),  # a catalog of ours: Isso's words, our plurals beside
        ("godyny", UKRAINIAN_21),
    ],
)
def test_times_isso_words_wrong_read_as_ago(page: Page, site, slug, times):
    shown = _times(page, site, slug)
    expect(shown).to_have_text(times)
    # as they are: to_have_text folds white space, and "Il y a 5 heures " passed it
    assert shown.evaluate_all("times => times.map(t => t.textContent)") == times
    script = page.locator("#comments script[data-isso]")
    lang = script.get_attribute("data-isso-lang").lower()
    day = script.get_attribute(f"data-isso-date-day-text-{lang}")
    week = script.get_attribute(f"data-isso-date-week-text-{lang}")
    if slug.startswith("dias"):
        assert (day, week) == ("ontem\nhá {{ n }} dias", "semana passada\nhá {{ n }} semanas")
    elif slug == "dni":
        assert script.get_attribute("data-isso-date-month-text-uk").startswith("минулого місяця")
    elif slug.startswith("giorni"):
        assert day is None  # Isso's own: "Ieri", "3 giorni fa"
        assert week == "1 settimana fa\n{{ n }} settimane fa"
    assert record_csp(page) == []
