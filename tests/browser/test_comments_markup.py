"""The theme's words in Isso's HTML, end to end: Isso 0.14 builds its form and comments as HTML
with its strings put in unescaped, some inside attributes quoted with ' (its own Ukrainian
"Прев'ю" ended the Preview button at the apostrophe). A Ukrainian catalog written by the test
holds apostrophes (as Ukrainian spells "Ім'я"), quotes, < and &; a real Isso on loopback, a
strict Content-Security-Policy, a real Chromium."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import isso_comment, serve_with_isso
from tests.test_comments_plurals import posts, write_catalog
from tests.test_comments_site import POSTS

UKRAINIAN = {
    "Name (optional)": "Ім'я (необов'язково)",
    "Shown publicly": "Ім'я, яке побачать усі",
    "Never shown": 'Адресу не показують "нікому"',
    "Preview": "Прев'ю",
    "Post comment": "Надіслати <коментар> & все",
    "Anonymous": "Без імені & <підпису>",
    "Reply": "Відповісти & ще",  # Isso writes it as text too: not given, Isso's own stays
    "Edit": "Редагувати ім'я",  # as text too: given as it is
}


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser_type_launch_args):
    base = tmp_path_factory.mktemp("isso-markup")
    translations = base / "translations"
    write_catalog(translations, "uk", UKRAINIAN)
    files = {**POSTS, **posts({"apostrof": "uk"})}
    with serve_with_isso(base, files, I18N_TRANSLATIONS_PATH=str(translations)) as (isso, origin):
        isso_comment(isso, origin, "apostrof", text="Дякую за статтю")
        yield origin


def test_the_catalog_s_words_reach_isso_s_html_whole(page: Page, site):
    """Each word shows as the catalog writes it, in attributes and text alike; "Reply", which
    Isso also writes as text (after "Cancel reply"), is not given with its &: Isso's own."""
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{site}/uk/posts/apostrof/")
    page.locator("#comments").scroll_into_view_if_needed()
    comment = page.locator("#isso-root > .isso-comment")
    expect(comment).to_have_count(1)
    comment = comment.first
    form = page.locator("#comments .isso-postbox").first
    expect(form.locator("label[for^=comments-author]")).to_have_text("Ім'я (необов'язково)")
    expect(form.locator("input[name=author]")).to_have_attribute(
        "placeholder", "Ім'я, яке побачать усі"
    )
    expect(form.locator("input[name=email]")).to_have_attribute(
        "placeholder", 'Адресу не показують "нікому"'
    )
    expect(form.locator("input[name=preview]")).to_have_value("Прев'ю")
    expect(form.locator("input[type=submit]")).to_have_value("Надіслати <коментар> & все")
    expect(comment.locator(".isso-author")).to_have_text("Без імені & <підпису>")
    expect(comment.locator("a.isso-reply")).to_have_text("Відповісти")  # Isso's Ukrainian
    # a comment of the reader's own has Edit, which Isso writes again as text after Cancel
    form.locator(".isso-textarea").fill("Чудова стаття, дякую")
    form.locator("input[type=submit]").click()
    mine = page.locator("#isso-root > .isso-comment").nth(1)
    expect(mine.locator("a.isso-edit")).to_have_text("Редагувати ім'я")
    mine.locator("a.isso-edit").click()
    mine.locator("a.isso-cancel").click()
    expect(mine.locator("a.isso-edit")).to_have_text("Редагувати ім'я")
    assert refused == []
