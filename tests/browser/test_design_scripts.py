"""Text in other languages as a reader sees it in Chromium: long German compounds never push a
page sideways at 320 px (titles, tags, summaries, bios); an Arabic page runs right to left and
mirrors, nothing of it left on the left side; axe on the Arabic page. The fixture site is built
here with the words that broke it."""

import pytest
from playwright.sync_api import Page

from sitecheck.a11y import axe_violations
from tests.browser.serving import serve_build

LONG_TAG = "Datenschutzgrundverordnungskonformität"
LONG_BIO_WORD = "Stadtteilzentrumsverwaltungsgesellschaft"
LONG_SUMMARY_WORD = "Nutzungsvereinbarungsbestätigungsseite"
GERMAN = f"""Title: Barrierefreiheitsanforderungen und {LONG_TAG} im Raumbuchungsverwaltungssystem
Date: 2025-05-12 09:00
Category: Engineering
Tags: Barrierefreiheitsanforderungen, {LONG_TAG}, Raumbuchungsverwaltungssoftware
Author: Lena Hoffmann
Slug: barrierefreiheit
Lang: de
Summary: Wie die {LONG_SUMMARY_WORD} barrierefrei wurde, ohne die {LONG_TAG} zu verlieren.

Die Antwort führte uns quer durch das ganze Raumbuchungsverwaltungssystem. Die
{LONG_SUMMARY_WORD} hatte keine Überschriftenhierarchie.
"""
# in German too, with the same tags: the first post is its Related reading, summary and all
GERMAN_TOO = f"""Title: Ein Büro in Leipzig
Date: 2025-05-20 09:00
Category: Engineering
Tags: Barrierefreiheitsanforderungen, {LONG_TAG}, Raumbuchungsverwaltungssoftware
Author: Lena Hoffmann
Slug: leipzig
Lang: de
Summary: Das neue Büro und seine Barrierefreiheitsanforderungen.

Die Barrierefreiheitsanforderungen im Raumbuchungsverwaltungssystem und die {LONG_TAG}
begleiten uns auch im neuen Büro in Leipzig.
"""
LENA = f"""Name: Lena Hoffmann
Role: Leiterin des Leipziger Büros
Lang: de

Lena hat zehn Jahre lang Räume für die {LONG_BIO_WORD} in Plagwitz vermietet.
"""
ARABIC = """Title: كيف ينظّم مركز الحيّ في عمّان حجوزات القاعات
Date: 2025-06-02 10:00
Category: Company
Tags: news
Author: Ada Byrne
Slug: amman
Lang: ar
Summary: مركز الحيّ في جبل اللويبدة.

يضمّ مركز الحيّ في جبل اللويبدة ثلاث قاعات.

> كانت الحجوزات تُكتب في دفتر أخضر كبير.

- القاعة الكبيرة
- القاعة الصغيرة

يكتب المركز `booking.confirm()` بعد كل حجز.
"""
AR_URL = "/ar/posts/amman/"
DE_URL = "/de/posts/barrierefreiheit/"
PAGES = {
    "post": DE_URL,
    "related": "/de/posts/leipzig/",
    "tags": "/tag/",
    "tag": "/tag/datenschutzgrundverordnungskonformitat/",
    "archives": "/archives/",
    "team": "/team/",
    "profile": "/team/lena-hoffmann/",
    "home": "/",
    "arabic": AR_URL,
}
# What Isso writes for a reply (comments.css styles it): put into the Arabic page to see it
# mirror, without an Isso server
REPLY = """() => {
  const section = document.createElement('section');
  section.className = 'comments';
  section.innerHTML = '<div class="isso-comment"><div class="isso-follow-up">'
    + '<div class="isso-comment"><p>ردّ على التعليق</p></div></div></div>';
  document.querySelector('main .wrap').append(section);
}"""
# Elements with space or a rule on their left side only: on a right-to-left page that is the
# end of the line, where nothing was meant to be (the probe's check, which found the replies)
LEFT_ONLY = """() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    const one = (left, right) => parseFloat(left) > 0 && parseFloat(right) === 0;
    if (one(s.marginLeft, s.marginRight) || one(s.paddingLeft, s.paddingRight)
        || one(s.borderLeftWidth, s.borderRightWidth)) {
      found.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
    }
  }
  return [...new Set(found)];
}"""
SIDEWAYS = "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
# Boxes whose text must stay inside them (at 1280 px a long word in a bio ran out of its team
# card without making the page scroll)
BOXES = ".team-card, .related-post, .post-card, .archive-list li, .tag-cloud li, .post-tags li"
SPILLED = """selector => [...document.querySelectorAll(selector)]
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => box.className || box.parentElement.className)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {
        "posts/barrierefreiheit.md": GERMAN,
        "posts/leipzig.md": GERMAN_TOO,
        "posts/amman.md": ARABIC,
        "team/lena-hoffmann.md": LENA,
    }
    with serve_build(tmp_path_factory.mktemp("scripts"), files) as built:
        yield built


def _open(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    return context, context.new_page()


def test_the_long_words_are_there(site):
    """What the next test relies on: each long word on the page it is meant to stretch."""
    for path, selector, word in [
        (DE_URL, ".post-tags", LONG_TAG),
        ("/tag/", ".tag-cloud", LONG_TAG),
        ("/de/posts/leipzig/", ".related-post__summary", LONG_SUMMARY_WORD),
        ("/archives/", ".archive-list", "Barrierefreiheitsanforderungen"),
        ("/team/", ".team-card__bio", LONG_BIO_WORD),
        ("/team/lena-hoffmann/", ".profile__bio", LONG_BIO_WORD),
    ]:
        texts = [element.get_text() for element in site.soup(path).select(selector)]
        assert word in " ".join(texts), (path, selector)


@pytest.mark.parametrize("width", [320, 1280])
def test_no_page_scrolls_sideways_nor_a_card_spills(browser, site, screenshots, width):
    context, page = _open(browser, width)
    try:
        wide, spilled = {}, {}
        for name, path in PAGES.items():
            page.goto(site.siteurl + path)
            if page.evaluate(SIDEWAYS) > 0:
                wide[name] = page.evaluate("() => document.scrollingElement.scrollWidth")
            if boxes := page.evaluate(SPILLED, BOXES):
                spilled[name] = boxes
            if name in wide or name in spilled:
                page.screenshot(path=str(screenshots / f"scripts-{name}-{width}.png"))
        assert (wide, spilled) == ({}, {})
    finally:
        context.close()


def test_german_text_hyphenates_in_german(browser, site):
    """Where Chromium has a German dictionary (not Debian's), it breaks these words at hyphens."""
    context, page = _open(browser, 320)
    try:
        page.goto(site.siteurl + DE_URL)
        paragraph = page.locator(".post-content p").first
        assert paragraph.evaluate("p => getComputedStyle(p).hyphens") == "auto"
        assert paragraph.evaluate("p => p.closest('[lang]').lang") == "de"
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_an_arabic_page_runs_right_to_left(browser, site, screenshots, width):
    context, page = _open(browser, width)
    try:
        page.goto(site.siteurl + AR_URL)
        h1 = page.locator("article.post h1")
        assert h1.evaluate("h => getComputedStyle(h).direction") == "rtl"
        # the title starts at the right: its right edge is the column's
        text = page.locator(".post-content p").first
        assert abs(h1.bounding_box()["x"] + h1.bounding_box()["width"] - _right(text)) < 1
        # code keeps reading left to right
        code = page.locator(".post-content code").first
        assert code.evaluate("c => getComputedStyle(c).direction") == "ltr"
        page.evaluate(REPLY)
        assert page.evaluate(LEFT_ONLY) == []
        page.screenshot(path=str(screenshots / f"scripts-arabic-{width}.png"), full_page=True)
        page.goto(site.siteurl + DE_URL)
        h1 = page.locator("article.post h1")
        assert h1.evaluate("h => getComputedStyle(h).direction") == "ltr"
    finally:
        context.close()


def _right(locator) -> float:
    box = locator.bounding_box()
    return box["x"] + box["width"]


@pytest.mark.parametrize("width", [375, 1280])
def test_the_arabic_page_has_no_axe_violations(browser, site, axe_script, width):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    page: Page = context.new_page()
    try:
        page.goto(site.siteurl + AR_URL)
        assert axe_violations(page, axe_script) == []
    finally:
        context.close()
