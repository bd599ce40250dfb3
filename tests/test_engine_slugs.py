"""The slug rule `make new-post` and the importer share (plugins/engine/slugs.py)."""

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from plugins.engine.slugs import slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nos salles préférées", "nos-salles-preferees"),
        ("Ça marche, enfin!", "ca-marche-enfin"),
        ("already-a-slug", "already-a-slug"),
        ("Straße & Co", "strasse-co"),
        ("Żółć", "zolc"),
        ("Привет, мир", "privet-mir"),
        ("Ελληνικά νέα", "ellenika-nea"),
        ("東京", "dong-jing"),
        ("C++ tips -- part 2", "c-tips-part-2"),
        ("🎉🎉", ""),
        ("", ""),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize("text", ["Привет, мир", "Straße & Co", "Nos salles préférées", "東京"])
def test_a_slug_is_what_pelican_makes_of_it_again(text):
    made = slug(text)
    assert slugify(made, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]) == made
