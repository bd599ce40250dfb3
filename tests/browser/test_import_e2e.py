"""Issue 25 end to end, as a reader sees it: the fixture WordPress export imported into an
empty content folder with the real command, built, served beside a real Isso that reads the
database the import filled, and read in a real Chromium."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from plugins.comments import local_isso
from tests.browser.serving import free_port, serve_folder
from tests.conftest import DEV_CONF, ROOT, run_pelican
from tests.test_import_site import FIXTURES, make_uploads, run_import


def served_with_isso(base: Path, content: Path) -> Iterator[str]:
    """The imported `content` built, served, beside a real Isso reading the comments.db the
    import filled in `base`/isso: yields the site's address (for a module fixture)."""
    isso_port, site_port = free_port(), free_port()
    isso, origin = f"http://127.0.0.1:{isso_port}", f"http://127.0.0.1:{site_port}"
    (content / "images").mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / "images" / "social-card.png", content / "images")
    output = base / "output"
    run_pelican(
        DEV_CONF, content, output, SITEURL=origin, FEED_DOMAIN=origin, COMMENTS_ISSO_URL=isso
    )
    config = local_isso.write_config(base / "isso", isso_port, [origin])
    process = local_isso.start(config, isso_port, output / "comments" / "threads.json")
    server = serve_folder(output, site_port, not_found="404.html")
    try:
        yield origin
    finally:
        server.shutdown()
        local_isso.stop(process)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("import-e2e")
    content = base / "content"
    # the local Isso's folder: the import fills its comments.db before the server starts
    run = run_import(
        FIXTURES / "wordpress.xml",
        content,
        base / "isso" / "comments.db",
        make_uploads(base / "up"),
    )
    assert run.returncode == 0, run.stderr
    yield from served_with_isso(base, content)


def _comments(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#comments").scroll_into_view_if_needed()


def test_imported_comments_show_under_their_post_with_replies_nested(page: Page, site):
    _comments(page, site + "/posts/bookings-as-ranges/")
    ada = page.locator("#isso-root > .isso-comment", has_text="shared resource row")
    expect(ada).to_be_visible()
    expect(ada.locator(".isso-author").first).to_have_text("Ada Pennington")
    # Maya's answer and Ada's thanks are replies inside Ada's comment, not beside it
    replies = ada.locator(".isso-follow-up .isso-comment")
    expect(replies).to_have_count(2)
    expect(replies.nth(0)).to_contain_text("twelve")
    expect(replies.nth(0).locator(".isso-author")).to_have_text("Maya Okafor")
    expect(replies.nth(1)).to_contain_text("Saturday's market")
    # the reply whose parent is gone stands on its own
    expect(
        page.locator("#isso-root > .isso-comment", has_text="no longer in the export")
    ).to_be_visible()
    expect(page.locator("#isso-root > .isso-comment")).to_have_count(2)
    # and the form is there: the thread is open
    expect(page.locator(".isso-textarea")).to_be_visible()


def test_pingbacks_are_in_the_webmentions_block(page: Page, site):
    page.goto(site + "/posts/bookings-as-ranges/")
    block = page.locator("section.webmentions")
    expect(block).to_be_visible()
    expect(block.locator(".webmention")).to_have_count(2)
    expect(block).to_contain_text("Notes from the Parish Office")
    expect(block).to_contain_text("Village Hall Weekly")


@pytest.mark.parametrize("path", ["/posts/bookings-as-ranges/", "/posts/halls-we-booked/"])
def test_no_spam_anywhere(page: Page, site, path):
    _comments(page, site + path)
    page.wait_for_load_state("networkidle")
    text = page.locator("body").inner_text()
    for words in ("cheap watches", "casino", "Win big", "asked us to remove", "nobody ever"):
        assert words not in text


def test_the_closed_post_shows_its_comments_and_no_form(page: Page, site):
    _comments(page, site + "/posts/halls-we-booked/")
    expect(page.locator("#comments")).to_contain_text("Comments are closed")
    expect(
        page.locator(".comments__list .comments__text", has_text="send photos of the new floor")
    ).to_be_visible()
    # Théo's answer is listed inside Bryn's comment
    expect(page.locator(".comments__list .comments__list")).to_have_text(
        "Théo Marchand · 5 November 2008Please do, Bryn!"
    )
    assert page.locator("#comments textarea, #comments form, #comments input").count() == 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2008/10/29/bookings-as-ranges/", "/posts/bookings-as-ranges/"),
        ("/2009/01/12/nos-salles-pr%C3%A9f%C3%A9r%C3%A9es/", "/fr/posts/nos-salles-preferees/"),
        ("/about/", "/about/"),
    ],
)
def test_an_old_address_lands_on_the_new_page(page: Page, site, old, new):
    page.goto(site + old)
    page.wait_for_url(site + new)
    expect(page.locator("h1")).to_be_visible()
