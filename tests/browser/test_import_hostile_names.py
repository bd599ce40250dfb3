"""Commenters' names and websites from an export, as a reader sees them under the post: a
WordPress export keeps a name typed with markup ('&lt;img …&gt;Eve'), and Isso's page template
puts the stored name in as HTML. Imported, built, served beside a real Isso reading the
database the import filled, read in a real Chromium: the names are text, no script runs."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_import_e2e import served_with_isso
from tests.test_import_site import _post, _wxr, run_import

EVE = "<img src=x onerror=alert(1)>Eve"
BOB = "Bob <b>Builder</b> & Sons"


def _comment(number: int, author: str, url: str) -> str:
    return (
        f"<wp:comment><wp:comment_id>{number}</wp:comment_id>"
        f"<wp:comment_author><![CDATA[{author}]]></wp:comment_author>"
        f"<wp:comment_author_url>{url}</wp:comment_author_url>"
        f"<wp:comment_date_gmt>2020-01-03 10:0{number}:00</wp:comment_date_gmt>"
        f"<wp:comment_content>Comment number {number}.</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>"
        "<wp:comment_parent>0</wp:comment_parent></wp:comment>"
    )


def _comments(first: int) -> str:
    # as WordPress exports them: the names HTML-escaped, a website with a quote in it
    return _comment(first, "&lt;img src=x onerror=alert(1)&gt;Eve", "http://evil.example/x") + (
        _comment(first + 1, "Bob &lt;b&gt;Builder&lt;/b&gt; &amp; Sons", "https://bob.example/a'b")
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("import-names")
    export = base / "export.xml"
    closed = "<wp:comment_status>closed</wp:comment_status>"
    export.write_text(
        _wxr(
            _post(1, "open-post", "publish", extra=_comments(1))
            + _post(2, "closed-post", "publish", extra=closed + _comments(3))
        ),
        encoding="utf-8",
    )
    content = base / "content"
    run = run_import(export, content, base / "isso" / "comments.db")
    assert run.returncode == 0, run.stderr
    yield from served_with_isso(base, content)


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("/posts/open-post/", "#isso-root .isso-comment .isso-author"),  # Isso's template
        ("/posts/closed-post/", ".comments__list .comments__author"),  # the site's script
    ],
    ids=["open", "closed"],
)
def test_names_show_as_text_and_no_script_runs(page: Page, site, path, names):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site + path)
    page.locator("#comments").scroll_into_view_if_needed()
    authors = page.locator(names)
    expect(authors).to_have_count(2)
    expect(authors.nth(0)).to_have_text(EVE)
    expect(authors.nth(1)).to_have_text(BOB)
    assert page.locator("#comments img, #comments b").count() == 0
    if path == "/posts/open-post/":  # the website, a link there, keeps its quote
        assert authors.nth(1).get_attribute("href") == "https://bob.example/a'b"
    page.wait_for_timeout(300)
    assert dialogs == []
