"""The number of search results in Chromium, worded by the plural rules of the page's language:
a Polish site (DEFAULT_LANG pl, a catalog with Polish's three forms) built with a real Pagefind
and served on loopback. The page had one "N results" string for every count but 1."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import free_port, serve_folder
from tests.conftest import _builder
from tests.test_comments_plurals import write_catalog
from tests.test_search_site import POLISH

# made-up words, each in this many posts (and in no other text of the fixture site)
WORDS = {"kwazarek": 1, "blimfrot": 2, "zorpwik": 5}


def _posts() -> dict[str, str]:
    files = {}
    for word, count in WORDS.items():
        for n in range(count):
            slug = f"{word}-{n}"
            files[f"posts/{slug}.md"] = (
                f"Title: Wpis {slug}\nDate: 2024-05-0{n + 1} 10:00\nAuthor: Ada Byrne\n"
                f"Slug: {slug}\n\nKrótki tekst, w którym jest słowo {word} i nic więcej.\n"
            )
    return files


@pytest.fixture(scope="module")
def polish(tmp_path_factory, browser_type_launch_args):
    base = tmp_path_factory.mktemp("search-plurals")
    write_catalog(base / "translations", "pl", POLISH)
    port = free_port()
    built = _builder(base)(
        _posts(),
        siteurl=f"http://127.0.0.1:{port}",
        DEFAULT_LANG="pl",
        I18N_TRANSLATIONS_PATH=str(base / "translations"),
        I18N_CACHE_PATH=str(base / "i18n-cache"),
    )
    server = serve_folder(built.output, port)
    try:
        yield built.siteurl
    finally:
        server.shutdown()


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("kwazarek", "1 wynik dla „kwazarek”"),
        ("blimfrot", "2 wyniki dla „blimfrot”"),  # few
        ("zorpwik", "5 wyników dla „zorpwik”"),  # many: the form "2" had for every count
    ],
)
def test_the_count_of_results_takes_the_languages_form(page: Page, polish, word, status):
    page.goto(f"{polish}/search/?q={word}")
    line = page.locator("[data-search-status]")
    expect(line).not_to_have_text(re.compile(r"^$|…"))
    expect(page.locator("ol.search-results > li")).to_have_count(WORDS[word])
    expect(line).to_have_text(status)
