"""Isso's own counts where its catalogue is wrong, end to end: pages in Czech and Galician
with no catalog of ours (Isso's words), a real Isso on loopback, a strict
Content-Security-Policy, a real Chromium. Isso's Czech has two forms ("2 Komentářů"), its
Galician is half English ("3 Comments"); the embed's corrected forms stand in for them."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import isso_comment, isso_for_site, serve_folder
from tests.conftest import _builder
from tests.test_comments_plurals import posts
from tests.test_comments_site import POSTS

# slug: (language, comments)
THREADS = {
    "jeden": ("cs", 1),
    "dva": ("cs", 2),
    "dvacet-dva": ("cs", 22),
    "tres": ("gl", 3),
    "ketto": ("hu", 2),  # Isso's Hungarian count is right: its own
}


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
                for n in range(count):
                    isso_comment(isso, origin, slug, text=f"Comment {n} on {slug}")
            yield origin
        finally:
            server.shutdown()


def _heading(page: Page, site: str, slug: str):
    lang, count = THREADS[slug]
    page.goto(f"{site}/{lang}/posts/{slug}/")
    page.locator("#comments").scroll_into_view_if_needed()
    expect(page.locator("#isso-root > .isso-comment")).to_have_count(count)
    return page.locator("#comments .isso-thread-heading")


def test_isso_s_wrong_counts_are_corrected_in_its_language(page: Page, site):
    """Czech: 1 komentář, 2-4 komentáře, 5 and up komentářů (Isso said "2 Komentářů" and
    "22 Komentářů"); Galician: "3 comentarios" (Isso said "3 Comments"). The rest of the
    thread keeps Isso's words, unmarked: they are the page's language."""
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    for slug, text, button in (
        ("jeden", "Jeden komentář", "Publikovat"),
        ("dva", "2 komentáře", "Publikovat"),
        ("dvacet-dva", "22 komentářů", "Publikovat"),
        ("tres", "3 comentarios", "Enviar"),
        ("ketto", "2 hozzászólás", "Elküld"),
    ):
        heading = _heading(page, site, slug)
        expect(heading).to_have_text(text)
        assert not heading.get_attribute("lang"), slug
        submit = page.locator("#comments .isso-postbox input[type=submit]")
        expect(submit).to_have_value(button)
    assert refused == []
