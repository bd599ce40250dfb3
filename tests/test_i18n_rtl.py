"""Right-to-left languages on a built fixture site: dir on <html>, and on every element marked
with a language written the other way than its page (bios, post cards, links, archives)."""

import pytest

from plugins.i18n import templating

ARABIC = """Title: أول ضوء
Date: 2024-02-01 09:00
Category: Company
Tags: news
Author: Ada Byrne
Slug: first-light
Lang: ar
Redirect_from: /old/awwal-daw/
Summary: أول تدوينة في الموقع.

فتحنا الأبواب اليوم.
"""
HEBREW = """Title: מרכז קהילתי בחיפה עובר להזמנות מקוונות
Date: 2025-07-01 10:00
Category: Company
Tags: news
Author: Cleo Park
Slug: haifa
Lang: he
Summary: כך עבר המרכז מיומן נייר להזמנות מקוונות.

במרכז הקהילתי בהדר הכרמל יש ארבעה אולמות.
"""
# a person whose team file is written in Arabic, and her post in English
LAYLA = """Name: Layla Haddad
Role: مسؤولة الدعم الفني
Lang: ar

تعمل ليلى في فريق الدعم منذ عام 2025.
"""
SUPPORT = """Title: What a year of Arabic support taught us
Date: 2025-06-16 09:00
Category: Company
Author: Layla Haddad
Slug: support-desk
Summary: Tickets in two scripts.

A year ago we switched on Arabic for the public booking form.
"""
AR_URL = "ar/posts/first-light/"
EN_URL = "posts/first-light/"
HE_URL = "he/posts/haifa/"
SUPPORT_URL = "posts/support-desk/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import _builder

    return _builder(tmp_path_factory.mktemp("rtl"))(
        {
            "posts/first-light.ar.md": ARABIC,
            "posts/haifa.he.md": HEBREW,
            "posts/support-desk.md": SUPPORT,
            "team/layla-haddad.md": LAYLA,
        }
    )


@pytest.mark.parametrize(
    ("relpath", "lang"), [(AR_URL, "ar"), (HE_URL, "he"), ("old/awwal-daw/", "ar")]
)
def test_a_right_to_left_page_is_rtl(site, relpath, lang):  # the last: a redirect page
    html = site.soup(relpath).html
    assert (html["lang"], html.get("dir")) == (lang, "rtl")


@pytest.mark.parametrize("relpath", ["", EN_URL, SUPPORT_URL, "team/", "archives/"])
def test_a_left_to_right_page_is_not(site, relpath):
    html = site.soup(relpath).html
    assert html["lang"] == "en"
    assert html.get("dir") in (None, "ltr")


def test_an_arabic_bio_on_english_pages_is_rtl(site):
    card = site.soup(SUPPORT_URL).select_one(".author-card__person")
    for selector in (".author-card__bio", ".p-job-title"):
        marked = card.select_one(selector)
        assert (marked["lang"], marked["dir"]) == ("ar", "rtl"), selector
    team = site.soup("team/")
    bio = team.select_one(".team-card:has(a[href$='/team/layla-haddad/']) .team-card__bio")
    assert (bio["lang"], bio["dir"]) == ("ar", "rtl")
    profile = site.soup("team/layla-haddad/").select_one(".profile__bio")
    assert (profile["lang"], profile["dir"]) == ("ar", "rtl")
    # an English bio on an English page: neither
    ada = site.soup(EN_URL).select_one(".author-card__bio")
    assert not ada.has_attr("lang") and not ada.has_attr("dir")


def test_an_english_bio_on_an_arabic_page_is_ltr(site):
    card = site.soup(AR_URL).select_one(".author-card__person")
    for selector in (".author-card__bio", ".p-job-title"):
        marked = card.select_one(selector)
        assert (marked["lang"], marked["dir"]) == ("en", "ltr"), selector


def test_a_hebrew_post_card_on_the_english_home_page_is_rtl(site):
    home = site.soup("")
    card = home.select_one("article.post-card:has(a[href$='/he/posts/haifa/'])")
    assert (card["lang"], card["dir"]) == ("he", "rtl")
    for english in home.select("article.post-card:not([lang])"):
        assert not english.has_attr("dir")


def test_translation_links_carry_their_direction(site):
    to_arabic = site.soup(EN_URL).select_one(".post-translations a[hreflang=ar]")
    assert (to_arabic["lang"], to_arabic["dir"]) == ("ar", "rtl")
    to_english = site.soup(AR_URL).select_one(".post-translations a[hreflang=en]")
    assert (to_english["lang"], to_english["dir"]) == ("en", "ltr")


def test_menu_links_to_english_pages_are_ltr_on_an_arabic_page(site):
    about = site.soup(AR_URL).select_one("nav.site-nav a[href$='/about/']")
    assert (about["lang"], about["dir"]) == ("en", "ltr")
    assert not site.soup(EN_URL).select_one("nav.site-nav a[href$='/about/']").has_attr("dir")


def test_archives_mark_a_hebrew_title_and_date(site):
    row = site.soup("archives/").select_one(".archive-list li:has(a[href$='/he/posts/haifa/'])")
    for marked in (row.time, row.a):
        assert (marked["lang"], marked["dir"]) == ("he", "rtl")
    english = site.soup("archives/").select_one(".archive-list a[href$='/posts/support-desk/']")
    assert not english.has_attr("lang") and not english.has_attr("dir")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ar", "rtl"),
        ("he", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("ar-EG", "rtl"),  # a region keeps the language's direction
        ("pa-Arab", "rtl"),  # Punjabi in Arabic script (pa alone is Gurmukhi, ltr)
        ("pa", "ltr"),
        ("en", "ltr"),
        ("en_GB", "ltr"),
        ("zh-Hans", "ltr"),
        ("xx-nonsense", "ltr"),  # unknown to Babel: left to right
        ("", "ltr"),
    ],
)
def test_lang_dir(lang, expected):
    assert templating.lang_dir(lang) == expected


@pytest.mark.parametrize(
    ("lang", "page_lang", "expected"),
    [
        ("ar", "en", ' dir="rtl"'),
        ("en", "ar", ' dir="ltr"'),
        ("de", "he", ' dir="ltr"'),
        ("he", "ar", ""),  # both right to left: the page's direction holds
        ("fr", "en", ""),
        ("ar", "ar", ""),
        (None, "ar", ""),
    ],
)
def test_dir_attr(lang, page_lang, expected):
    assert str(templating.dir_attr(lang, page_lang)) == expected


@pytest.mark.parametrize(
    ("lang", "against", "expected"),
    [
        ("ar", "en", ' lang="ar" dir="rtl"'),
        ("en", "he", ' lang="en" dir="ltr"'),
        ("de", "en", ' lang="de"'),
        ("he", "ar", ' lang="he"'),  # both right to left
        ("en", "en", ""),
        ("", "en", ""),
        (None, "en", ""),
    ],
)
def test_lang_marks(lang, against, expected):
    assert str(templating.lang_marks(lang, against)) == expected


@pytest.mark.parametrize(
    ("lang", "against", "expected"),
    [
        ("en", "cy", {"lang": "en"}),  # Isso's words, ours in English, on a Welsh page
        ("en", "fa", {"lang": "en", "dir": "ltr"}),
        ("hu", "hu", {}),
        ("zh-TW", "zh-Hant", {}),  # Isso's Traditional Chinese on a zh-Hant page: one language
        ("fr", "fr-CA", {}),
        ("en", "en-GB", {}),
        (None, "cy", {}),
    ],
)
def test_lang_switch(lang, against, expected):
    assert templating.lang_switch(lang, against) == expected
