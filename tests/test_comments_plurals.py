"""Isso's counts follow the plural rules of the language the strings are written in: the partial
gives each plural's form for every sample count (plural_samples), rendered through the page's
catalog, and that catalog's language (English where the page's language has none)."""

import json
import re
from datetime import timedelta
from pathlib import Path

import isso
import pytest
from babel import Locale
from babel.dates import format_timedelta
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from plugins.comments.model import beside_plurals
from plugins.comments.providers.isso import (
    CORRECTED_COUNTS,
    CORRECTED_SAMPLES,
    CORRECTED_TIMES,
    CORRECTED_WORDS,
    ENGLISH_PLACEHOLDERS,
    ENGLISH_WORDS,
    HIDDEN,
    LANGUAGES,
    MARKUP_AND_TEXT_KEYS,
    MARKUP_KEYS,
    NEUTRAL_PLACEHOLDERS,
    NO_PLACEHOLDER,
    ONE,
    corrected_plurals,
    corrected_times,
    english_keys,
    isso_lang,
    isso_words,
    markup_problem,
)
from plugins.i18n.templating import PLURAL_SAMPLES
from tests.conftest import ROOT, _builder
from tests.test_comments_site import ISSO, POSTS

# A Czech catalog: three forms (1; 2-4; 0 and 5 up), as Babel's Plural-Forms for cs says
CZECH = {
    ("%(num)s comment", "%(num)s comments"): (
        "%(num)s komentář",
        "%(num)s komentáře",
        "%(num)s komentářů",
    ),
    ("Show %(num)s more", "Show %(num)s more"): (
        "Zobrazit %(num)s další",
        "Zobrazit další %(num)s",
        "Zobrazit dalších %(num)s",
    ),
}
# An Arabic one: six forms, those for 0, 1 and 2 without the number ("two comments" is one
# word), in the order of Babel's Plural-Forms for ar: 0, 1, 2, 3-10, 100-102, 11-99
ARABIC = {
    ("%(num)s comment", "%(num)s comments"): (
        "لا تعليقات",
        "تعليق واحد",
        "تعليقان",
        "%(num)s تعليقات",
        "%(num)s تعليق",
        "%(num)s تعليقًا",
    ),
    # a comment's time, which Isso words itself where it has a catalogue (it has no Arabic)
    ("yesterday", "%(num)s days ago"): (
        "اليوم",
        "أمس",
        "قبل يومين",
        "قبل %(num)s أيام",
        "قبل %(num)s يوم",
        "قبل %(num)s يومًا",
    ),
    "just now": "الآن",
}


def write_catalog(translations: Path, lang: str, messages: dict) -> None:
    """A catalog for `lang` (its folder named as pages look for it: pt-BR) with these entries
    (a plural's ids as a tuple), the Plural-Forms Babel gives `lang`."""
    catalog = Catalog(locale=lang.replace("-", "_"))
    for ids, strings in messages.items():
        catalog.add(ids, string=strings)
    po = translations / lang / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as fh:
        write_po(fh, catalog)


def posts(langs: dict[str, str]) -> dict[str, str]:
    """One open post per slug, in the given language."""
    return {
        f"posts/{slug}.md": f"Title: {slug}\nDate: 2024-08-01\nLang: {lang}\nSlug: {slug}\n\nx\n"
        for slug, lang in langs.items()
    }


def build(base: Path, files: dict[str, str], **settings):
    """The fixture site with Czech and Arabic catalogs (no Russian one) and these posts."""
    translations = base / "translations"
    write_catalog(translations, "cs", CZECH)
    write_catalog(translations, "ar", ARABIC)
    return _builder(base)(
        {**POSTS, **files},
        I18N_TRANSLATIONS_PATH=str(translations),
        I18N_CACHE_PATH=str(base / "i18n-cache"),
        **settings,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("comments-plurals")
    return build(
        base,
        posts({"pocet": "cs", "schet": "ru", "adad": "ar", "konyv": "hu", "llyfr": "cy"}),
        COMMENTS_ISSO_URL=ISSO,
    )


def plurals(site, path: str) -> dict:
    target = site.soup(path).select_one("section.comments #isso-thread")
    return json.loads(target["data-comments-plurals"])


@pytest.mark.parametrize(
    ("sample", "form"),
    [
        (1, "{{ n }} komentář"),
        (2, "{{ n }} komentáře"),
        (3, "{{ n }} komentáře"),
        (4, "{{ n }} komentáře"),
        (5, "{{ n }} komentářů"),
        (6, "{{ n }} komentářů"),
        (7, "{{ n }} komentářů"),
        (11, "{{ n }} komentářů"),
        (21, "{{ n }} komentářů"),  # Czech: 21 is "many" too (Russian would say "one")
        (100, "{{ n }} komentářů"),
        (1_000_000, "{{ n }} komentářů"),
        (0, "{{ n }} komentářů"),
    ],
)
def test_a_three_form_catalog_gives_each_sample_its_form(site, sample, form):
    found = plurals(site, "cs/posts/pocet/")
    assert found["lang"] == "cs"
    assert found["samples"] == list(PLURAL_SAMPLES)
    by_sample = dict(zip(found["samples"], found["forms"]["num-comments"], strict=True))
    assert by_sample[sample] == form
    hidden = dict(zip(found["samples"], found["forms"]["comment-hidden"], strict=True))
    assert (
        hidden[sample]
        == {
            "{{ n }} komentář": "Zobrazit {{ n }} další",
            "{{ n }} komentáře": "Zobrazit další {{ n }}",
            "{{ n }} komentářů": "Zobrazit dalších {{ n }}",
        }[form]
    )


@pytest.mark.parametrize(("path", "lang"), [("ru/posts/schet/", "ru"), ("hu/posts/konyv/", "hu")])
def test_a_page_without_a_catalog_leaves_isso_its_own_words(site, path, lang):
    """Isso speaks Russian and Hungarian, the theme does not: our English strings and plurals
    went to Isso under its language, so a Hungarian page's comment form said "Post comment"
    and "2 comments" (``"lang": "en"`` in data-comments-plurals) where Isso says them in
    Hungarian. Isso now gets no strings of ours there, and runs in the page's language."""
    target = site.soup(path).select_one("section.comments #isso-thread")
    # only the words Isso's catalogue lacks or gets wrong (none in Russian)
    assert json.loads(target.get("data-comments-texts", "{}")) == isso_words(lang)
    assert not target.has_attr("data-comments-plurals")
    assert target.has_attr("data-comments-label-text")  # comments.js still labels the form
    attrs = json.loads(site.soup(path).select_one("section.comments")["data-comments-attrs"])
    assert attrs["data-isso-lang"] == lang


def test_a_page_neither_has_a_catalog_for_gives_english_forms_in_english(site):
    """Welsh: no catalog of ours, none of Isso's; Isso runs in English with our English words
    and English plurals (the fallback docs/comments.md names)."""
    found = plurals(site, "cy/posts/llyfr/")
    assert found["lang"] == "en"
    forms = dict(zip(found["samples"], found["forms"]["num-comments"], strict=True))
    assert forms[1] == "{{ n }} comment"
    assert {forms[n] for n in PLURAL_SAMPLES if n != 1} == {"{{ n }} comments"}
    attrs = json.loads(
        site.soup("cy/posts/llyfr/").select_one("section.comments")["data-comments-attrs"]
    )
    assert attrs["data-isso-lang"] == "en"


def test_isso_words_times_from_our_catalog_where_it_has_none_of_the_language(site):
    """Isso runs in English on an Arabic page: its "2 days ago" stayed English on a page whose
    strings we translate (probe 18, finding 4). The partial gives its date-* strings; where
    Isso has a catalogue of the page's language (Czech), Isso's own are left to it."""
    target = site.soup("ar/posts/adad/").select_one("section.comments #isso-thread")
    assert json.loads(target["data-comments-texts"])["date-now"] == "الآن"
    forms = plurals(site, "ar/posts/adad/")["forms"]
    days = dict(zip(PLURAL_SAMPLES, forms["date-day"], strict=True))
    assert (days[1], days[2], days[3]) == ("أمس", "قبل يومين", "قبل {{ n }} أيام")
    assert set(forms) >= {"date-minute", "date-hour", "date-week", "date-month", "date-year"}
    czech = site.soup("cs/posts/pocet/").select_one("section.comments #isso-thread")
    assert "date-now" not in json.loads(czech["data-comments-texts"])
    assert not [key for key in plurals(site, "cs/posts/pocet/")["forms"] if "date" in key]


def test_a_catalog_isso_has_no_language_for_keeps_its_own(site):
    section = site.soup("ar/posts/adad/").select_one("section.comments")
    assert json.loads(section["data-comments-attrs"])["data-isso-lang"] == "en"
    found = plurals(site, "ar/posts/adad/")
    assert found["lang"] == "ar"
    forms = dict(zip(found["samples"], found["forms"]["num-comments"], strict=True))
    assert (forms[0], forms[2], forms[11]) == ("لا تعليقات", "تعليقان", "{{ n }} تعليقًا")


def test_cards_give_their_counts_forms_in_the_cards_language(tmp_path):
    """A card's count (COMMENTS_COUNTS) has the same forms as the thread's, in the card's own
    strings' language: Czech for a Czech post's card, English for a Russian one's (no catalog)."""
    built = build(
        tmp_path,
        posts({"pocet": "cs", "schet": "ru"}),
        COMMENTS_ISSO_URL=ISSO,
        COMMENTS_COUNTS=True,
    )
    cards = {
        a["data-comments-id"]: json.loads(a["data-comments-plurals"])
        for a in built.soup("/").select(".post-card__comments a[data-comments-count]")
    }
    thread = plurals(built, "cs/posts/pocet/")
    assert cards["pocet"]["forms"]["num-comments"] == thread["forms"]["num-comments"]
    assert cards["pocet"]["samples"] == thread["samples"]
    assert cards["pocet"]["lang"] == "cs"
    assert cards["pocet"]["forms"]["num-comments"][4] == "{{ n }} komentářů"  # 5
    assert cards["schet"]["lang"] == "en"
    assert cards["schet"]["forms"]["num-comments"][:2] == ["{{ n }} comment", "{{ n }} comments"]


@pytest.mark.parametrize("lang", sorted(CORRECTED_COUNTS))
def test_corrected_counts_reach_every_category_and_show_the_count(lang):
    """The forms that replace Isso's own counts (Czech: two forms; Galician: half English) are
    for 1, 2 and 5: between them every plural category of whole numbers in the language, as
    the full samples reach; Isso may take the lines for 2 and 5 for other counts, so they
    show the count."""
    assert lang in LANGUAGES
    rule = Locale.parse(lang).plural_form
    assert {rule(n) for n in CORRECTED_SAMPLES} == {rule(n) for n in PLURAL_SAMPLES}
    for lines in CORRECTED_COUNTS[lang].values():
        assert len(lines) == len(CORRECTED_SAMPLES)
        assert all("{{ n }}" in line for line in lines[1:])
        # comments.js words every count of 1's category with 1's form: without the count
        # ("Jeden komentář") only where that category holds 1 alone (Croatian's holds 21)
        if "{{ n }}" not in lines[0]:
            assert [n for n in range(1000) if rule(n) == rule(1)] == [1], lines[0]


def test_a_page_with_isso_s_words_gets_its_counts_corrected_where_they_are_wrong(tmp_path):
    """No catalog of ours (not even the Czech one the other tests write): Isso's words. Its
    Czech said "2 Komentářů" and "22 Komentářů", its Galician "3 Comments"; those pages get
    forms for 1, 2 and 5 in their language (comments.js words each count by them), and no
    strings of ours. Hungarian, whose count Isso gets right, gets none."""
    site = _builder(tmp_path)(
        {**POSTS, **posts({"dva": "cs", "tres": "gl", "ketto": "hu"})},
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
        COMMENTS_ISSO_URL=ISSO,
    )
    for path, lang, forms, hidden in (
        (
            "cs/posts/dva/",
            "cs",
            ["Jeden komentář", "{{ n }} komentáře", "{{ n }} komentářů"],
            ["{{ n }} skrytý komentář", "{{ n }} skryté komentáře", "{{ n }} skrytých komentářů"],
        ),
        (
            "gl/posts/tres/",
            "gl",
            ["Un comentario", "{{ n }} comentarios", "{{ n }} comentarios"],
            ["{{ n }} comentario oculto"] + ["{{ n }} comentarios ocultos"] * 2,
        ),
    ):
        target = site.soup(path).select_one("section.comments #isso-thread")
        assert json.loads(target["data-comments-plurals"]) == {
            "lang": lang,
            "samples": [1, 2, 5],
            "forms": {"num-comments": forms, "comment-hidden": hidden},
        }
        assert json.loads(target["data-comments-texts"]) == isso_words(lang)
    target = site.soup("hu/posts/ketto/").select_one("section.comments #isso-thread")
    assert not target.has_attr("data-comments-plurals")
    assert json.loads(target["data-comments-texts"]) == CORRECTED_WORDS["hu"]


def test_corrected_times_reach_every_page_isso_words_them_on(tmp_path):
    """Isso words a comment's time from its catalogue of the page's language, with or without
    a catalog of ours (a pt-BR and an it-CH one here): its Portuguese "3 dias" (no "ago")
    and Italian "questa settimana" (this week, 10 days ago) are given on both kinds of page,
    as Isso reads them. A page whose times are ours (Welsh: Isso runs in English) or Isso's
    right (German) gets none."""
    translations = tmp_path / "translations"
    write_catalog(translations, "pt-BR", {"Reply": "Responder"})
    write_catalog(translations, "it-CH", {"Reply": "Rispondi"})
    langs = {"dias": "pt", "dias-br": "pt-BR", "giorni": "it", "giorni-ch": "it-CH"}
    site = _builder(tmp_path)(
        {**POSTS, **posts({**langs, "tage": "de", "dyddiau": "cy"})},
        I18N_TRANSLATIONS_PATH=str(translations),
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
        COMMENTS_ISSO_URL=ISSO,
    )
    for slug, lang in {**langs, "tage": "de", "dyddiau": "cy"}.items():
        target = site.soup(f"{lang}/posts/{slug}/").select_one("section.comments #isso-thread")
        texts = json.loads(target.get("data-comments-texts", "{}"))
        times = {key: text for key, text in texts.items() if key.startswith("date-")}
        if lang == "cy":  # ours, by our catalog's plurals
            assert set(times) == {"date-now"}, slug
        else:
            assert times == corrected_times(isso_lang(lang)), slug
        catalog = json.loads(target.get("data-comments-plurals", "{}")).get("lang")
        assert catalog == {"pt-BR": "pt-BR", "it-CH": "it-CH", "cy": "en"}.get(lang), slug
    assert corrected_times("pt")["date-day"] == "ontem\nhá {{ n }} dias"


def test_corrected_time_plurals_reach_a_page_of_our_catalog_in_isso_s_language(tmp_path):
    """Isso words a comment's time from its catalogue on a page of a catalog of ours in its
    language; the corrected plurals of its Croatian and Ukrainian times ("prije 21 sati",
    "годину тому" for 21 hours) were given only where the page had no catalog of ours.
    Beside our own counts, on the corrected samples (a Czech page of ours, whose corrected
    plurals are counts only, keeps its own: test_a_three_form_catalog_...)."""
    translations = tmp_path / "translations"
    write_catalog(translations, "hr", {"Reply": "Odgovori"})
    write_catalog(translations, "uk", {"Reply": "Відповісти"})
    site = _builder(tmp_path)(
        {**POSTS, **posts({"sati": "hr", "godyny": "uk"})},
        I18N_TRANSLATIONS_PATH=str(translations),
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
        COMMENTS_ISSO_URL=ISSO,
    )
    for path, lang in (("hr/posts/sati/", "hr"), ("uk/posts/godyny/", "uk")):
        found = plurals(site, path)
        assert found["lang"] == lang  # our catalog's
        assert found["samples"] == list(CORRECTED_SAMPLES)
        times = {key: forms for key, forms in CORRECTED_COUNTS[lang].items() if "date" in key}
        assert {key: found["forms"][key] for key in times} == {
            key: list(forms) for key, forms in times.items()
        }
        assert set(found["forms"]) == {"num-comments", HIDDEN, *times}
        assert found["forms"]["num-comments"][0] == "{{ n }} comment"  # ours, untranslated
        assert found["exact"] == {key: {"1": ONE[lang][key]} for key in times}


OURS = {"lang": "uk", "samples": [1, 2, 3, 5, 0], "forms": {"num-comments": list("abcde")}}
THEIRS = {
    "lang": "uk",
    "samples": [1, 2, 5],
    "forms": {"num-comments": ["x", "y", "z"], "date-hour": ["h1", "h2", "h5"]},
    "exact": {"num-comments": {"1": "one"}, "date-hour": {"1": "hour"}},
}


@pytest.mark.parametrize(
    ("ours", "theirs", "found"),
    [
        (OURS, None, OURS),  # Isso's plurals stand in its language
        ({**OURS, "lang": "fr"}, THEIRS, {**OURS, "lang": "fr"}),  # another language's
        (OURS, {**THEIRS, "forms": {"num-comments": ["x", "y", "z"]}}, OURS),  # nothing to add
        (OURS, {**THEIRS, "samples": [1, 2, 7]}, OURS),  # a sample ours lacks
        (
            OURS,
            THEIRS,
            {
                "lang": "uk",
                "samples": [1, 2, 5],
                "forms": {"num-comments": ["a", "b", "d"], "date-hour": ["h1", "h2", "h5"]},
                "exact": {"date-hour": {"1": "hour"}},
            },
        ),
        (
            {**OURS, "lang": "uk-UA"},
            {**THEIRS, "exact": {}},
            {
                "lang": "uk-UA",
                "samples": [1, 2, 5],
                "forms": {"num-comments": ["a", "b", "d"], "date-hour": ["h1", "h2", "h5"]},
            },
        ),
    ],
)
def test_beside_plurals(ours, theirs, found):
    assert beside_plurals(ours, theirs) == found


@pytest.mark.parametrize(
    ("path", "marks"),
    [
        ("cy/posts/llyfr/", {"lang": "en"}),
        ("hu/posts/konyv/", {"lang": "en"}),
        ("cs/posts/pocet/", {}),
    ],
)
def test_the_section_s_words_say_their_language_where_it_is_not_the_page_s(site, path, marks):
    """ "The comments could not be loaded.", "Anonymous" and "No comments were left" are added
    by comments.js: on a page without a catalog of ours they are English, and were unmarked
    on a Welsh or Hungarian page; the section tells the script to mark them."""
    section = site.soup(path).select_one("section.comments")
    assert json.loads(section["data-comments-words-marks"]) == marks


def isso_catalogue(name: str) -> dict[str, str]:
    """One of the installed Isso client's catalogues (isso/js/app/i18n/<name>.js: a JSON object
    after ``module.exports =``)."""
    text = (Path(isso.__file__).parent / "js" / "app" / "i18n" / f"{name}.js").read_text("utf-8")
    return json.loads(text.split("=", 1)[1].strip().rstrip(";"))


# What Isso 0.14 shows in English on a page in the language, and needs to: the website field's
# placeholder, an address, is no language's
NEUTRAL = {"postbox-website-placeholder"}


@pytest.mark.parametrize("lang", sorted(CORRECTED_WORDS))
def test_corrected_words_are_isso_s_keys_and_change_what_it_shows(lang):
    """Each word stands in for one Isso shows: a key of its English catalogue (the one every
    key of i18n.translate falls back to), missing from the language's or different there.
    Isso writes them into its HTML unescaped, some inside attributes quoted with ': Isso's
    Ukrainian "Prev'yu" button said "Prev"."""
    english = isso_catalogue("en")
    own = isso_catalogue({"el": "el_GR"}.get(lang, lang))
    for key, word in CORRECTED_WORDS[lang].items():
        assert key in english, key
        assert own.get(key) != word, key
        assert not set(word) & set("'\"<>&"), key
        assert "\n" not in word and "{{" not in word, key  # plurals are CORRECTED_COUNTS'


@pytest.mark.parametrize("lang", ["hu", "cs"])
def test_hungarian_and_czech_pages_show_no_english_word_of_isso_s(lang):
    """Isso's Hungarian and Czech catalogues lack the name and e-mail placeholders ("John Doe",
    "johndoe@example.com", shown in English in the form), the reply-notification label, the
    feed link and the author suffix: every key of Isso's is now in its catalogue or ours."""
    english = isso_catalogue("en")
    own = isso_catalogue(lang)
    supplied = CORRECTED_WORDS.get(lang, {}).keys() | CORRECTED_COUNTS.get(lang, {}).keys()
    assert set(english) - set(own) - supplied == NEUTRAL


UNIT_SECONDS = {
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2592000,
    "year": 31536000,
}


# The counts Isso 0.14's ago() (isso/js/app/i18n.js) words each relative time with, and the
# CLDR unit Babel words it in
ISSO_TIMES = {
    "date-minute": ("minute", range(1, 46)),  # up to 45 minutes
    "date-hour": ("hour", range(1, 23)),  # up to 22 hours
    "date-day": ("day", range(1, 6)),
    "date-week": ("week", range(1, 4)),  # floor(days / 7), days up to 21
    "date-month": ("month", range(1, 12)),  # floor(days / 30), days up to 345
    "date-year": ("year", range(1, 31)),  # an imported blog's comments can be old
}


def isso_rule(lang: str, lines: list[str], n: int) -> str:
    """The line Isso 0.14 picks for ``n`` (its pluralforms in isso/js/app/i18n.js)."""
    primary = lang.split("-")[0]
    last = lines[2] if len(lines) > 2 else lines[-1]
    few = 2 <= n % 10 <= 4 and not 10 <= n % 100 < 20
    if primary in ("ru", "uk"):
        if n % 10 == 1 and n % 100 != 11:
            return lines[0]
        return lines[min(1, len(lines) - 1)] if few else last
    if primary == "pl":
        return lines[0] if n == 1 else lines[min(1, len(lines) - 1)] if few else last
    if primary == "sk":
        return lines[0] if n == 1 else lines[min(1, len(lines) - 1)] if n in (2, 3, 4) else last
    if primary in ("fr", "oc"):
        return lines[min(1, len(lines) - 1)] if n > 1 else lines[0]
    return lines[0 if n == 1 or len(lines) == 1 else 1]  # Croatian among them: English's rule


def shown(lang: str, key: str, n: int) -> str:
    """What a reader sees for the count ``n`` of ``key`` on a page with Isso's words: Isso's
    line by its rule, from the embed's times (corrected_times, which Isso reads before its
    catalogue) or its catalogue, or, where the embed gives plurals (corrected_plurals, as the
    page gets them), what comments.js makes of them: the count's own words ("exact"), else
    the form of the first sample in n's CLDR category."""
    given = corrected_plurals(lang)
    if given is None or key not in given["forms"]:
        text = corrected_times(lang).get(key) or isso_catalogue(isso_catalogues()[lang])[key]
        return isso_rule(lang, text.split("\n"), n).replace("{{ n }}", str(n))
    exact = given.get("exact", {}).get(key, {})
    if str(n) in exact:
        return exact[str(n)]
    rule = Locale.parse(lang.replace("-", "_")).plural_form
    samples = zip(given["samples"], given["forms"][key], strict=True)
    return next(form for s, form in samples if rule(s) == rule(n)).replace("{{ n }}", str(n))


def cldr_ago(lang: str, key: str, n: int) -> str:
    """CLDR's words for ``n`` of ``key``'s unit ago in ``lang`` (Babel's relative time)."""
    unit = ISSO_TIMES[key][0]
    return format_timedelta(
        timedelta(seconds=-n * UNIT_SECONDS[unit]),
        granularity=unit,
        threshold=1000,
        add_direction=True,
        locale=lang.replace("-", "_"),
    )


# The languages whose corrected times are CLDR's words throughout; the others in
# CORRECTED_TIMES keep Isso's own wording, which differs from CLDR's only in style ("Il y a 2
# heures", "2 dage siden"), with one fault mended
CLDR_WORDED = {"hr", "uk", "pt", "pt-BR", "pt-PT", "it", "id"}


def test_the_languages_held_to_cldr_s_words_are_corrected():
    assert CLDR_WORDED - {*CORRECTED_TIMES, *CORRECTED_COUNTS} == set()


@pytest.mark.parametrize("lang", sorted(CLDR_WORDED))
@pytest.mark.parametrize("key", sorted(ISSO_TIMES))
def test_comment_times_are_worded_as_cldr_words_them(lang, key):
    """A comment's time ("21 minutes ago") on a page with Isso's words, in a language whose
    times Isso gets wrong, reads as CLDR's relative time (Babel's format_timedelta) for
    every count Isso words it with: Isso's Ukrainian said "5хвилин тому" (no space) and
    "хвилину тому" (a minute ago) for 21 minutes; its Croatian, with English's rule, "prije
    2 minuta" and "prije 21 sati"; its Portuguese "3 dias" (no "ago"); its Indonesian "2
    minggu lalu" beside "2 hari yang lalu". Exactly 1 keeps words without the count where
    the reader's line for 1 has none ("хвилину тому", "jučer", "ontem"): the corrected
    forms said "1 хвилину тому" there."""
    counts = ISSO_TIMES[key][1]
    own = corrected_times(lang).get(key) or isso_catalogue(isso_catalogues()[lang])[key]
    own = own.split("\n")[0]
    for n in counts:
        cldr = cldr_ago(lang, key, n)
        expected = own if n == 1 and "{{ n }}" not in own else cldr
        assert shown(lang, key, n) == expected, (n, shown(lang, key, n), expected)


@pytest.mark.parametrize(
    ("lang", "key", "n", "words"),
    [
        ("uk", "date-minute", 1, "хвилину тому"),  # "1 хвилину тому" before
        ("uk", "date-minute", 21, "21 хвилину тому"),  # 1's category, its own count
        ("uk", "date-minute", 2, "2 хвилини тому"),
        ("uk", "date-minute", 5, "5 хвилин тому"),
        ("uk", "date-hour", 1, "годину тому"),
        ("uk", "date-hour", 21, "21 годину тому"),
        ("uk", "date-year", 1, "минулого року"),
        ("uk", "date-year", 21, "21 рік тому"),
        ("uk", "date-day", 1, "Вчора"),  # Isso's own: not corrected
        ("hr", "num-comments", 1, "Jedan komentar"),  # "1 komentar" before
        ("hr", "num-comments", 21, "21 komentar"),
        ("hr", "num-comments", 22, "22 komentara"),
        ("hr", "date-minute", 1, "prije minutu"),
        ("hr", "date-minute", 21, "prije 21 minutu"),
        ("hr", "date-hour", 1, "prije sat vremena"),
        ("hr", "date-hour", 21, "prije 21 sat"),
        ("hr", "date-week", 1, "prošli tjedan"),
        ("hr", "date-week", 3, "prije 3 tjedna"),
        ("hr", "date-year", 1, "prošle godine"),
        ("hr", "date-year", 21, "prije 21 godinu"),
        ("hr", HIDDEN, 1, "1 skriveni komentar"),  # Isso's has no words for 1 alone
        ("cs", "num-comments", 1, "Jeden komentář"),  # 1's category holds 1 alone
        ("cs", "num-comments", 21, "21 komentářů"),
        ("ru", "date-minute", 1, "1 минуту назад"),  # Isso's own, every line counted
        ("ru", "date-minute", 21, "21 минуту назад"),
    ],
)
def test_one_has_isso_s_words_and_its_category_the_count(lang, key, n, words):
    assert shown(lang, key, n) == words


def isso_ago(seconds: int) -> tuple[str, int]:
    """The key and count Isso 0.14's ago() (isso/js/app/i18n.js) words a comment ``seconds``
    old with, past "right now"."""
    mins = seconds // 60
    hours, days = mins // 60, mins // 1440
    for key, n, within in (
        ("date-minute", 1, seconds <= 90),
        ("date-minute", mins, mins <= 45),
        ("date-hour", 1, mins <= 90),
        ("date-hour", hours, hours <= 22),
        ("date-day", 1, hours <= 36),
        ("date-day", days, days <= 5),
        ("date-week", 1, days <= 8),
        ("date-week", days // 7, days <= 21),
        ("date-month", 1, days <= 45),
        ("date-month", days // 30, days <= 345),
        ("date-year", 1, days <= 547),
    ):
        if within:
            return key, n
    return "date-year", int(days / 365.25)


@pytest.mark.parametrize(
    ("lang", "days", "words"),
    [
        ("pt", 3, "há 3 dias"),  # Isso's "3 dias": no "ago"
        ("pt-BR", 3, "há 3 dias"),
        ("pt-PT", 3, "há 3 dias"),
        ("pt", 10, "semana passada"),  # Isso's own
        ("pt", 17, "há 2 semanas"),  # Isso's "2 semanas atrás", beside its "3 dias"
        ("pt", 40, "mês passado"),
        ("pt", 100, "há 3 meses"),
        ("pt", 400, "ano passado"),
        ("pt", 1100, "há 3 anos"),
        ("it", 3, "3 giorni fa"),
        ("it", 10, "1 settimana fa"),  # Isso's "questa settimana": this week
        ("it", 17, "2 settimane fa"),
        ("it", 40, "1 mese fa"),  # "questo mese"
        ("it", 400, "1 anno fa"),  # "quest'anno"
        ("it", 1100, "3 anni fa"),
        ("id", 3, "3 hari yang lalu"),
        ("id", 17, "2 minggu yang lalu"),  # Isso's "2 minggu lalu"
        ("id", 10, "1 minggu yang lalu"),
        ("uk", 40, "минулого місяця"),  # Isso's "останній місяць": the final month
        ("uk", 100, "3 місяці тому"),
        ("uk", 10, "минулого тижня"),  # Isso's own, right
        ("de", 10, "letzte Woche"),
        ("vi", 10, "Tuần trước"),  # Isso's "Tuần qua": this past week
        ("vi", 17, "2 tuần trước"),
        ("vi", 40, "Tháng trước"),  # Isso's own
        ("da", 1, "i går"),  # Isso's "Igår", Swedish spelling
        ("da", 3, "3 dage siden"),
    ],
)
def test_a_comment_s_age_reads_as_ago_in_the_page_s_language(lang, days, words):
    """A comment some days old (an hour more, as a reader finds it) on a page with Isso's
    words."""
    key, n = isso_ago(days * 86400 + 3600)
    assert shown(lang, key, n) == words


@pytest.mark.parametrize(
    ("lang", "seconds", "words"),
    [
        ("pt", 60, "há um minuto"),  # Isso's "um minuto atrás"
        ("pt", 20 * 60, "há 20 minutos"),
        ("pt", 3600, "há uma hora"),
        ("pt", 5 * 3600, "há 5 horas"),
        ("pt", 30 * 3600, "ontem"),
        ("it", 3600, "un’ora fa"),  # Isso's "un ora fa"
        ("it", 5 * 3600, "5 ore fa"),
        ("it", 60, "un minuto fa"),  # Isso's own
        ("fr", 5 * 3600, "Il y a 5 heures"),  # Isso's "Il y a 5 heures ", a space at the end
        ("fr", 3600, "Il y a une heure"),
        ("fr", 5 * 60, "Il y a 5 minutes"),
        ("oc", 60, "fa una minuta"),  # Isso's "fa una minuta "
        ("oc", 5 * 60, "fa 5 minutas"),
    ],
)
def test_a_comment_s_age_in_minutes_and_hours_too(lang, seconds, words):
    key, n = isso_ago(seconds)
    assert shown(lang, key, n) == words


@pytest.mark.parametrize("lang", sorted(LANGUAGES - {"en"}))
def test_no_time_has_a_stray_space(lang):
    """Isso's French said "Il y a 5 heures " and its Occitan "fa una minuta ", a space at the
    end; its Ukrainian "5хвилин тому", none after the count."""
    for key, (_unit, counts) in ISSO_TIMES.items():
        for n in counts:
            words = shown(lang, key, n)
            assert words == " ".join(words.split()), (key, n, words)
            # a count runs into its word only in Japanese, written without spaces ("5分前")
            if lang != "ja":
                assert not re.search(rf"\b{n}[^\W\d]", words), (key, n, words)


def ago_frame(text: str, n: int) -> tuple[str, str]:
    """The words a time puts around its count: before the number, and after the word that
    follows it, the unit ("há 3 dias": "há" and ""; "3 hari yang lalu": "" and "yang lalu")."""
    before, after = text.split(str(n), 1)
    return before.strip(), " ".join(after.split()[1:])


@pytest.mark.parametrize("lang", sorted(LANGUAGES - {"en"}))
def test_every_time_of_a_language_says_ago_the_same_way(lang):
    """No page mixes two ways of saying "ago": Isso's Portuguese said "3 dias" beside "2
    semanas atrás" (CLDR's "há 3 dias"), its Indonesian "2 hari yang lalu" beside "2 minggu
    lalu"."""
    frames = {
        ago_frame(shown(lang, key, n), n): (key, n)
        for key, (_unit, counts) in ISSO_TIMES.items()
        for n in counts
        if n > 1
    }
    assert len(frames) == 1, frames


@pytest.mark.parametrize("lang", sorted(CORRECTED_TIMES))
def test_corrected_times_are_isso_s_lines_of_its_keys(lang):
    """Each stands in for a date-* key of Isso's catalogue of the language, as many lines as
    it has, and changes it; Isso's rule takes the first for 1 alone of the counts it words
    the key with, and every other line has the count."""
    assert lang in LANGUAGES
    own = isso_catalogue(isso_catalogues()[lang])
    for key, lines in CORRECTED_TIMES[lang].items():
        assert key in ISSO_TIMES, key
        assert len(own[key].split("\n")) == len(lines), key
        assert [n for n in ISSO_TIMES[key][1] if isso_rule(lang, lines, n) == lines[0]] == [1]
        assert all("{{ n }}" in line for line in lines[1:]), key
        assert "\n".join(lines) != own[key], key
        assert not set("".join(lines)) & set("'\"<>&"), key
        assert corrected_times(lang)[key] == "\n".join(lines)


# The counts Isso words each plural with: a comment's time (ISSO_TIMES), and a thread's
# comments and hidden replies, any number (up to 121 here: 21, 101 and 121 share 1's
# category in the languages where any count does)
ISSO_COUNTS = {
    **{key: counts for key, (_unit, counts) in ISSO_TIMES.items()},
    "num-comments": range(1, 122),
    HIDDEN: range(1, 122),
}


@pytest.mark.parametrize("lang", sorted(LANGUAGES - {"en"}))
def test_no_count_is_read_as_one_and_one_keeps_isso_s_words(lang):
    """Every language the site gives Isso's words (each of Isso's catalogues; English and
    French pages have ours, whose plural forms for 1 carry the count or stand for 1 alone):
    a count is never worded without its number unless it is 1 (Isso's Ukrainian said
    "хвилину тому" for 21 minutes), and where Isso has words for 1 without the count, 1 is
    worded without it too (the corrected forms said "1 хвилину тому")."""
    catalogue = isso_catalogue(isso_catalogues()[lang])
    for key, counts in ISSO_COUNTS.items():
        own = catalogue.get(key, isso_catalogue("en")[key]).split("\n")[0]
        for n in counts:
            words = shown(lang, key, n)
            if n == 1 and "{{ n }}" not in own and "\n" in catalogue.get(key, ""):
                # or CLDR's: Isso's Italian "questa settimana" (this week) for 10 days ago
                cldr = key in CORRECTED_TIMES.get(lang, {}) and words == cldr_ago(lang, key, 1)
                assert words == own or cldr or not re.search(r"\b1\b", words), (key, words)
            elif n != 1:
                assert str(n) in words, (key, n, words)


@pytest.mark.parametrize("lang", sorted(ONE))
def test_one_s_own_words_are_isso_s_where_1_s_category_holds_more(lang):
    """ONE gives Isso's first line, without the count, for a corrected plural whose forms
    carry it for 1 only because CLDR puts other counts (21) in 1's category."""
    rule = Locale.parse(lang).plural_form
    assert [n for n in range(1, 100) if rule(n) == rule(1)] != [1]
    for key, words in ONE[lang].items():
        assert "{{ n }}" in CORRECTED_COUNTS[lang][key][0], key
        assert words == isso_catalogue(lang)[key].split("\n")[0], key
        assert "{{ n }}" not in words, key
    assert corrected_plurals(lang)["exact"] == {key: {"1": w} for key, w in ONE[lang].items()}


def isso_source(name: str) -> str:
    """One of the installed Isso client's script sources (isso/js/<name>)."""
    return (Path(isso.__file__).parent / "js" / name).read_text("utf-8")


def test_the_keys_isso_writes_into_its_html_are_the_ones_named():
    """MARKUP_KEYS and MARKUP_AND_TEXT_KEYS are the keys Isso's templates put into the HTML
    they build (i18n('…'), pluralize('…')), the second those it also writes as text
    (i18n.translate("…") into textContent, in isso.js, embed.js, count.js)."""
    templates = "".join(
        isso_source(f"app/templates/{name}.js") for name in ("postbox", "comment", "comment-loader")
    )
    markup = set(re.findall(r"\b(?:i18n|pluralize)\('([a-z-]+)'", templates))
    scripts = "".join(isso_source(name) for name in ("app/isso.js", "embed.js", "app/count.js"))
    as_text = set(re.findall(r"i18n\.(?:translate|pluralize)\([\"']([a-z-]+)[\"']", scripts))
    assert markup == MARKUP_KEYS | MARKUP_AND_TEXT_KEYS
    assert markup & as_text == MARKUP_AND_TEXT_KEYS


@pytest.mark.parametrize(
    ("key", "text", "problem"),
    [
        ("comment-reply", "Відповісти & ще", "holds &, which Isso would read as HTML"),
        ("comment-deleted", "<b>Видалено</b>", "holds <, which Isso would read as HTML"),
        ("comment-edit", "A & <b>", "holds & and <, which Isso would read as HTML"),
        ("comment-edit", "Редагувати ім'я", None),  # text, in Isso's markup and after
        ("postbox-preview", "Прев'ю", None),  # comments.js escapes it
        ("postbox-submit", "Надіслати <коментар> & все", None),
        ("num-comments", "{{ n }} Q&A", None),  # Isso writes it as text only
    ],
)
def test_markup_problem(key, text, problem):
    assert markup_problem(key, text) == problem


def test_every_language_of_the_site_gives_isso_words_it_can_show(tmp_path):
    """Every language the site has (English, each catalog of the theme's, and each language
    whose page gets Isso's words with the embed's): every word given to Isso can be (no < or
    & in one Isso also writes as text), and the page says which keys go into Isso's HTML."""
    catalogs = sorted(p.name for p in (ROOT / "theme" / "translations").iterdir() if p.is_dir())
    langs = ["en", *catalogs, *sorted(CORRECTED_WORDS)]
    site = _builder(tmp_path)(
        {**POSTS, **posts({f"slova-{lang}": lang for lang in langs})},
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
        COMMENTS_ISSO_URL=ISSO,
    )
    for lang in langs:
        prefix = "" if lang == "en" else f"{lang}/"
        section = site.soup(f"{prefix}posts/slova-{lang}/").select_one("section.comments")
        assert json.loads(section["data-comments-text-markup"]) == {
            "html": sorted(MARKUP_KEYS),
            "html_and_text": sorted(MARKUP_AND_TEXT_KEYS),
        }
        texts = json.loads(section.select_one("#isso-thread")["data-comments-texts"])
        assert texts, lang
        for key, text in texts.items():
            assert markup_problem(key, text) is None, (lang, key, text)


def isso_catalogues() -> dict[str, str]:
    """{language as Isso 0.14 registers it: its catalogue's file name} (isso/js/app/i18n.js)."""
    table = isso_source("app/i18n.js").split("var catalogue = {", 1)[1].split("};", 1)[0]
    return dict(re.findall(r'"?([A-Za-z-]+)"?:\s+require\("app/i18n/([A-Za-z_]+)"\)', table))


def test_the_languages_isso_gives_english_placeholders_are_the_ones_named():
    """Isso's name and e-mail placeholders are English ("John Doe", "johndoe@example.com") in
    the languages whose catalogue lacks them or gives those; each of them gets the neutral
    ones, unless the embed has words of the language for both (Hungarian, Czech)."""
    english = isso_catalogue("en")
    keys = ("postbox-author-placeholder", "postbox-email-placeholder")
    found = set()
    for lang, name in isso_catalogues().items():
        own = isso_catalogue(name)
        if lang != "en" and any(own.get(key, english[key]) == english[key] for key in keys):
            found.add(lang)
    assert set(isso_catalogues()) == LANGUAGES
    worded = {lang for lang, words in CORRECTED_WORDS.items() if set(keys) <= words.keys()}
    assert found - worded == ENGLISH_PLACEHOLDERS
    for lang in sorted(LANGUAGES - {"en"}):  # English pages have our words
        words = isso_words(lang)
        for key in keys:
            assert words.get(key, own_or_english(lang, key)) != english[key], (lang, key)


def own_or_english(lang: str, key: str) -> str:
    """What Isso 0.14 shows for ``key`` on a page in ``lang`` given no word of ours."""
    english = isso_catalogue("en")
    return isso_catalogue(isso_catalogues()[lang]).get(key, english[key])


def test_the_neutral_placeholders_hold_no_word():
    """The name's is none (a space, which comments.js removes), the e-mail's an address at
    the domain kept for examples (RFC 2606) whose name is no one's."""
    assert NEUTRAL_PLACEHOLDERS["postbox-author-placeholder"] == NO_PLACEHOLDER == " "
    assert NEUTRAL_PLACEHOLDERS["postbox-email-placeholder"] == "name@example.com"


def test_the_words_isso_shows_in_english_are_the_ones_marked():
    """Isso's feed link, reply-notification label and author's badge (shown where the server
    turns them on) are English, unmarked, in the languages whose catalogue lacks them:
    ENGLISH_WORDS names those languages, and each page there gets the keys to mark, unless
    the embed gives a word of the language (Hungarian, Czech). No other word Isso shows is
    left English."""
    english = isso_catalogue("en")
    for key, langs in ENGLISH_WORDS.items():
        lacking = {
            lang
            for lang, name in isso_catalogues().items()
            if lang != "en" and key not in isso_catalogue(name)
        }
        assert lacking == langs, key
    for lang, name in sorted(isso_catalogues().items()):
        if lang == "en":
            continue
        supplied = isso_words(lang).keys() | CORRECTED_COUNTS.get(lang, {}).keys()
        left = set(english) - set(isso_catalogue(name)) - supplied - NEUTRAL
        assert left == set(english_keys(lang)), lang
    assert english_keys("ru") == ["atom-feed", "comment-page-author-suffix"]
    assert english_keys("nl") == ["atom-feed", "comment-page-author-suffix", "postbox-notification"]
    assert english_keys("hu") == english_keys("es") == english_keys("de") == []


@pytest.mark.parametrize(
    ("lang", "english"),
    [
        ("ru", {"lang": "en", "keys": ["atom-feed", "comment-page-author-suffix"]}),
        ("fa", {"lang": "en", "dir": "ltr", "keys": sorted(ENGLISH_WORDS)}),
        ("hu", {"lang": "en", "keys": []}),  # the embed gives all three
        ("es", {"lang": "en", "keys": []}),  # Isso's Spanish has all three
        ("fr", {"lang": "en", "keys": []}),  # our words, in French
    ],
)
def test_a_page_with_isso_s_words_names_those_it_shows_in_english(tmp_path, lang, english):
    site = _builder(tmp_path)(
        {**POSTS, **posts({f"atom-{lang}": lang})},
        I18N_CACHE_PATH=str(tmp_path / "i18n-cache"),
        COMMENTS_ISSO_URL=ISSO,
    )
    target = site.soup(f"{lang}/posts/atom-{lang}/").select_one("section.comments #isso-thread")
    assert json.loads(target["data-comments-marks"])["english"] == english
