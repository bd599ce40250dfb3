"""The address rule `make new-post` and the importer share (plugins/engine/addresses.py):
Pelican's URL settings filled with a post's slug, language and date."""

import copy
import datetime as dt

import pytest
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

import tasks
from plugins.engine import addresses
from plugins.importer import plan

MONTHLY = "{date:%Y}/{date:%m}/{slug}/"
SITE = {  # this project's pelicanconf.py
    "ARTICLE_URL": "posts/{slug}/",
    "ARTICLE_LANG_URL": "{lang}/posts/{slug}/",
    "PAGE_URL": "{slug}/",
    "PAGE_LANG_URL": "{lang}/{slug}/",
}
MAY = dt.datetime(2024, 5, 3, 9, 30)

FILLED = [
    # (settings over Pelican's, page, slug, lang, address)
    (SITE, False, "moving-day", "en", "posts/moving-day/"),
    # a translation: the same slug in another language takes ARTICLE_LANG_URL
    (SITE, False, "moving-day", "fr", "fr/posts/moving-day/"),
    ({**SITE, "ARTICLE_URL": MONTHLY}, False, "moving-day", "en", "2024/05/moving-day/"),
    # a dated ARTICLE_URL is the default language's only: the other takes its own setting
    ({**SITE, "ARTICLE_URL": MONTHLY}, False, "moving-day", "fr", "fr/posts/moving-day/"),
    (
        {"ARTICLE_LANG_URL": "{lang}/{date:%Y}/{slug}.html"},
        False,
        "moving-day",
        "de",
        "de/2024/moving-day.html",
    ),
    (SITE, True, "about-us", "en", "about-us/"),
    (SITE, True, "about-us", "de", "de/about-us/"),
    ({"PAGE_URL": "{date:%Y}/{slug}/"}, True, "about-us", "en", "2024/about-us/"),
    # Pelican's own settings
    ({}, False, "moving-day", "en", "moving-day.html"),
    ({}, False, "moving-day", "fr", "moving-day-fr.html"),
    ({}, True, "about-us", "en", "pages/about-us.html"),
    ({}, True, "about-us", "de", "pages/about-us-de.html"),
    # written with a leading slash: the tools' addresses start without one
    ({"ARTICLE_URL": "/blog/{slug}.html"}, False, "moving-day", "en", "blog/moving-day.html"),
]


@pytest.mark.parametrize(("given", "page", "slug", "lang", "expected"), FILLED)
def test_an_address_is_the_one_pelican_gives_the_post(given, page, slug, lang, expected):
    settings = {**copy.deepcopy(DEFAULT_CONFIG), **given}
    assert addresses.address(settings, page, slug, lang, "en", MAY) == expected
    metadata = {"title": "Moving day", "slug": slug, "lang": lang, "date": MAY}
    kind = Page if page else Article
    made = kind("Text.", metadata=metadata, settings=settings, source_path="/site/post.md")
    assert made.url.lstrip("/") == expected


@pytest.mark.parametrize(("given", "page", "slug", "lang", "expected"), FILLED)
def test_new_post_and_the_importer_give_a_post_one_address(given, page, slug, lang, expected):
    # new-post's address check and the importer's Layout.url filled the settings each its
    # own way; now both through addresses.address
    settings = {**copy.deepcopy(DEFAULT_CONFIG), **given}
    layout = plan.Layout(
        article_url=settings["ARTICLE_URL"],
        article_lang_url=settings["ARTICLE_LANG_URL"],
        page_url=settings["PAGE_URL"],
        page_lang_url=settings["PAGE_LANG_URL"],
        default_lang="en",
    )
    assert layout.url(page, slug, lang, MAY) == expected
    if not page:  # new-post writes posts only
        assert tasks._article_address(settings, slug, lang, "en", MAY) == "/" + expected


UNFILLED = [
    # (ARTICLE_URL, why, key)
    ("{category}/{slug}/", "uses {category}", "category"),
    ("{author}/{date:%Y}/{slug}/", "uses {author}", "author"),
    (
        "{lang}/{slug/",
        "is not an address pattern Python can fill (expected '}' before end of string)",
        "",
    ),
    (
        "{0}/{slug}/",
        "is not an address pattern Python can fill "
        "(Replacement index 0 out of range for positional args tuple)",
        "",
    ),
    (
        "{date.week}/{slug}/",
        "is not an address pattern Python can fill "
        "('datetime.datetime' object has no attribute 'week')",
        "",
    ),
    (
        None,
        "is not an address pattern Python can fill ('NoneType' object has no attribute 'format')",
        "",
    ),
]


@pytest.mark.parametrize(("pattern", "why", "key"), UNFILLED)
def test_a_setting_the_tools_cannot_fill_says_why(pattern, why, key):
    settings = {**SITE, "ARTICLE_URL": pattern}
    with pytest.raises(addresses.Unfillable) as raised:
        addresses.address(settings, False, "moving-day", "en", "en", MAY)
    assert (str(raised.value), raised.value.key) == (why, key)
    assert addresses.unfillable(settings)[0] == "ARTICLE_URL"
    # new-post then compares slugs alone; the importer refuses the import in one line
    assert tasks._article_address(settings, "moving-day", "en", "en", MAY) is None
    said = f"{why}, which the importer cannot work out" if key else why
    assert plan.Layout(article_url=pattern).url_problem() == (
        f"pelicanconf.py: ARTICLE_URL = {pattern!r} {said}; nothing was imported: the "
        "importer makes addresses of {slug}, {lang} and {date} only"
    )


@pytest.mark.parametrize(
    ("wrong", "named"),
    [
        ((), None),
        (("PAGE_LANG_URL",), "PAGE_LANG_URL"),
        (("PAGE_URL", "PAGE_LANG_URL"), "PAGE_URL"),
        (("ARTICLE_LANG_URL", "PAGE_URL"), "ARTICLE_LANG_URL"),
        (addresses.SETTINGS, "ARTICLE_URL"),
    ],
)
def test_the_refusal_names_the_first_setting_that_cannot_be_filled(wrong, named):
    settings = {**SITE, **dict.fromkeys(wrong, "{category}/{slug}/")}
    found = addresses.unfillable(settings)
    assert (found[0] if found else None) == named
