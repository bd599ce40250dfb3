"""Search in Chromium for Chinese and Japanese words, which have no spaces around them.

Three fixture sites, each built with a real Pagefind and served on loopback, searched through
the theme's own search page: an English site with a Chinese and a Japanese post (one search page
finds all three languages), a Japanese site and a Chinese site. Each word looked for sits inside
a sentence, never at the start of a title (Pagefind without word splitting finds only those).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.serving import free_port, serve_folder
from tests.conftest import Site, _builder

ZH_POST = """Title: 社区活动介绍
Date: 2024-05-01 10:00
Author: Ada Byrne
Lang: zh-Hans
Slug: shequ-huodong

我们的社区中心每周六举办书法课程，欢迎大家参加。居民也可以在网上预约会议室。
"""
JA_POST = """Title: 土曜日の教室について
Date: 2024-05-02 10:00
Author: Ada Byrne
Lang: ja
Slug: doyoubi-no-kyoshitsu

私たちの公民館では毎週土曜日に書道教室を開いています。会議室はオンラインで予約できます。
"""
JA_OTHER = """Title: 夏祭りのお知らせ
Date: 2024-06-01 10:00
Author: Ada Byrne
Slug: natsumatsuri

今年の夏祭りは八月に駅前の広場で行います。屋台と盆踊りを予定しています。
"""
ZH_OTHER = """Title: 夏季活动通知
Date: 2024-06-01 10:00
Author: Ada Byrne
Slug: xiaji-huodong

今年的夏季活动将在八月于车站前的广场举行。
"""


def _without_lang(post: str) -> str:
    """A post in the site's own language, as its writer would leave it: no Lang line."""
    return re.sub(r"(?m)^Lang: .*\n", "", post)


def _serve(tmp_path_factory, name: str, files: dict[str, str], **settings):
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    build = _builder(tmp_path_factory.mktemp(name))
    site = build(files, siteurl=siteurl, **settings)
    server = serve_folder(site.output, port)
    return site, server


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    """The English fixture site with a post in Chinese and one in Japanese."""
    site, server = _serve(
        tmp_path_factory, "mixed", {"posts/zh.md": ZH_POST, "posts/ja.md": JA_POST}
    )
    try:
        yield site
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def japanese_site(tmp_path_factory):
    """A site written in Japanese (DEFAULT_LANG ja)."""
    files = {"posts/ja.md": _without_lang(JA_POST), "posts/natsu.md": JA_OTHER}
    site, server = _serve(tmp_path_factory, "ja", files, fixture=None, DEFAULT_LANG="ja")
    try:
        yield site
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def chinese_site(tmp_path_factory):
    """A site written in Chinese (DEFAULT_LANG zh-Hans)."""
    files = {"posts/zh.md": _without_lang(ZH_POST), "posts/xiaji.md": ZH_OTHER}
    site, server = _serve(tmp_path_factory, "zh", files, fixture=None, DEFAULT_LANG="zh-Hans")
    try:
        yield site
    finally:
        server.shutdown()


def _search(page: Page, site: Site, query: str) -> list[str]:
    """Search from the site's search page; the addresses of the results, every request
    checked to stay on the site."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site.siteurl}/search/?q={query}")
    expect(page.locator("[data-search-status]")).not_to_have_text(re.compile(r"^$|…"))
    assert requests and all(url.startswith(site.siteurl + "/") for url in requests), requests
    links = page.locator("ol.search-results > li.search-result h2 a")
    return links.evaluate_all("links => links.map(a => a.getAttribute('href'))")


def _result(page: Page, href: str):
    return page.locator(f"li.search-result:has(h2 a[href='{href}'])")


def _marks(result) -> list[str]:
    """The highlighted words of a result's excerpt."""
    return result.locator(".search-result__excerpt mark").all_inner_texts()


def _highlights(result, query: str) -> bool:
    """Whether the excerpt highlights the word looked for, or a part of it: the index splits
    words by its own dictionary (公民館, community hall, as 公民 and 館), the browser splits
    the query by another (公民館 whole), and Pagefind highlights what it matched."""
    return any(mark and mark in query for mark in _marks(result))


@pytest.mark.parametrize(
    ("query", "href", "lang"),
    [
        ("书法", "/zh-Hans/posts/shequ-huodong/", "zh-Hans"),  # calligraphy, mid-sentence
        ("预约", "/zh-Hans/posts/shequ-huodong/", "zh-Hans"),  # to book, in the second sentence
        ("公民館", "/ja/posts/doyoubi-no-kyoshitsu/", "ja"),  # community hall, after 私たちの
        ("書道", "/ja/posts/doyoubi-no-kyoshitsu/", "ja"),  # calligraphy, before 教室
    ],
)
def test_mixed_site_finds_a_chinese_or_japanese_word_inside_a_sentence(
    page: Page, mixed_site, query, href, lang
):
    assert _search(page, mixed_site, query) == [href]
    found = _result(page, href)
    assert _highlights(found, query)
    # found from the English search page: the result is marked with the post's language
    assert found.locator("h2").get_attribute("lang") == lang
    assert found.locator(".search-result__excerpt").get_attribute("lang") == lang


def test_mixed_site_splits_a_query_of_two_chinese_words(page: Page, mixed_site):
    # 书法课程 is two words, calligraphy and course: the query is split as the index was
    href = "/zh-Hans/posts/shequ-huodong/"
    assert _search(page, mixed_site, "书法课程") == [href]
    assert _marks(_result(page, href)) == ["书法", "课程"]


@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("Exclusion", "/posts/ranges/"),  # a word of the body
        ("stopping", "/posts/ranges/"),  # "stop" in the body: English stemming still applies
    ],
)
def test_mixed_site_still_finds_english(page: Page, mixed_site, query, href):
    assert _search(page, mixed_site, query) == [href]
    assert _result(page, href).locator("h2").get_attribute("lang") is None


@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("公民館", "/posts/doyoubi-no-kyoshitsu/"),
        ("書道", "/posts/doyoubi-no-kyoshitsu/"),
        ("盆踊り", "/posts/natsumatsuri/"),  # Bon dance, in the second sentence
    ],
)
def test_japanese_site_finds_a_word_inside_a_sentence(page: Page, japanese_site, query, href):
    assert _search(page, japanese_site, query) == [href]
    found = _result(page, href)
    assert _highlights(found, query)
    assert found.locator("h2").get_attribute("lang") is None  # the page's own language


@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("书法", "/posts/shequ-huodong/"),
        ("广场", "/posts/xiaji-huodong/"),  # square (a plaza), near the end
    ],
)
def test_chinese_site_finds_a_word_inside_a_sentence(page: Page, chinese_site, query, href):
    assert _search(page, chinese_site, query) == [href]
    assert _highlights(_result(page, href), query)
