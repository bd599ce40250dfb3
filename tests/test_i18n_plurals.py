"""Plurals a script words in the browser: the sample counts the templates write forms for, and
the language those forms are in (strings_lang)."""

import gettext

import pytest
from babel import Locale, localedata
from babel.messages.plurals import get_plural

from plugins.i18n import templating
from plugins.i18n.templating import PLURAL_SAMPLES

# whole numbers that show every category a language's rule gives them: all up to 2,000 (the
# rules look at n % 10, n % 100 and n itself up to 1,000), and the millions that French,
# Spanish, Italian, Portuguese and Catalan call "many"
COUNTS = [*range(2000), 10**6, 2 * 10**6, 10**7, 10**9]


def categories(lang: str, counts) -> set[str]:
    rule = Locale.parse(lang).plural_form
    return {rule(n) for n in counts}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ar", {"zero", "one", "two", "few", "many", "other"}),
        ("cy", {"zero", "one", "two", "few", "many", "other"}),
        ("ga", {"one", "two", "few", "many", "other"}),
        ("ru", {"one", "few", "many"}),  # "other" is for fractions alone
        ("pl", {"one", "few", "many"}),
        ("cs", {"one", "few", "other"}),  # "many" is for fractions alone
        ("sl", {"one", "two", "few", "other"}),
        ("lv", {"zero", "one", "other"}),
        ("lt", {"one", "few", "other"}),  # "many": fractions
        ("fr", {"one", "many", "other"}),  # many: 1,000,000
        ("en", {"one", "other"}),
        ("ja", {"other"}),
    ],
)
def test_the_samples_reach_every_category_of_whole_numbers(lang, expected):
    assert categories(lang, PLURAL_SAMPLES) == expected
    assert categories(lang, COUNTS) == expected


def test_no_language_has_a_whole_number_category_the_samples_miss():
    langs = sorted({code.split("_")[0] for code in localedata.locale_identifiers()})
    missed = {
        lang: sorted(categories(lang, COUNTS) - categories(lang, PLURAL_SAMPLES)) for lang in langs
    }
    assert {lang: cats for lang, cats in missed.items() if cats} == {}


@pytest.mark.parametrize(
    "lang", ["ar", "cy", "ga", "ru", "uk", "pl", "cs", "sk", "sl", "lv", "lt", "ro", "fr", "pt"]
)
def test_the_first_sample_of_a_counts_category_has_the_catalogs_form_for_it(lang):
    """What comments.js does (the form of the first sample in the count's CLDR category) gives
    what gettext gives for the count, with the Plural-Forms a new catalog gets (invoke
    i18n-extract --add, Babel's): the count 1 and up (0 is never worded: "No comments yet")."""
    rule = Locale.parse(lang).plural_form
    form = gettext.c2py(get_plural(lang).plural_expr)
    wrong = []
    for n in COUNTS[1:]:
        sample = next(s for s in PLURAL_SAMPLES if rule(s) == rule(n))
        if form(sample) != form(n):
            wrong.append((n, sample))
    assert wrong == []


@pytest.mark.parametrize(
    ("lang", "catalogs", "expected"),
    [
        ("fr", {"fr"}, "fr"),
        ("ru", {"fr"}, "en"),  # no Russian catalog: the strings stay English
        ("fr-CA", {"fr"}, "fr"),  # gettext's fallback: fr's catalog, fr's words
        ("zh-TW", {"zh"}, "en"),  # zh is Simplified: no fallback for Traditional
        ("pt_BR", {"pt_BR"}, "pt-BR"),  # a BCP 47 tag, as Intl.PluralRules takes it
        ("en", set(), "en"),
    ],
)
def test_strings_lang(lang, catalogs, expected):
    assert templating.strings_lang(lang, catalogs) == expected
