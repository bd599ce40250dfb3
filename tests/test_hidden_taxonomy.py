"""A hidden post's tag or category that no published post has gets no page: the post shows it
without a link, and every tag or category it does link to is written."""

from tests.conftest import iter_links

HIDDEN = (
    "Title: Acquisition plans\nDate: 2024-05-01\nAuthor: Ada Byrne\nStatus: hidden\n"
    "Category: Mergers\nTags: project-falcon, {shared}\n\nZZHIDDEN for partners.\n"
)


def test_a_hidden_post_links_only_the_tags_and_categories_that_have_a_page(build_site):
    site = build_site({"posts/acquisition.md": HIDDEN.format(shared="news")}, publish=True)
    page = site.soup("posts/acquisition-plans/")
    shown = {el.get_text(strip=True): el.name for el in page.select(".p-category")}
    # Mergers and project-falcon only this hidden post has; the fixture's posts use news
    assert shown["Mergers"] == "span" and shown["project-falcon"] == "span"
    assert shown["news"] == "a"
    siteurl = page.select_one("link[rel=canonical]")["href"].split("/posts/")[0]
    for url in iter_links(page):
        if url.startswith(siteurl) and ("/tag/" in url or "/category/" in url):
            assert site.exists(url.removeprefix(siteurl).lstrip("/")), url


def test_a_published_post_links_its_tags_and_category(build_site):
    site = build_site()
    page = site.soup("posts/first-light/")
    assert {el.name for el in page.select(".post-tags .p-category, .eyebrow .p-category")} == {"a"}
