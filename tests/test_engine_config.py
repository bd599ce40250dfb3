"""engine.config.merge: every plugin's settings over its defaults, unknown keys refused."""

import pytest

from plugins.engine.config import merge, nearest

DEFAULTS = {"X_COLOUR": "teal", "X_SIZE": 3}


class Wrong(ValueError):
    pass


@pytest.mark.parametrize(
    ("settings", "kwargs", "expected"),
    [
        ({}, {}, {"X_COLOUR": "teal", "X_SIZE": 3}),
        ({"X_SIZE": 5, "OTHER": 1, "Y_SIZE": 2}, {}, {"X_COLOUR": "teal", "X_SIZE": 5}),
        ({"X_FOO_URL": "u"}, {"also_known": ["X_FOO_URL"]}, {"X_COLOUR": "teal", "X_SIZE": 3}),
        ({"X_OPTIONS": {}}, {"ignored": ["X_OPTIONS"]}, {"X_COLOUR": "teal", "X_SIZE": 3}),
    ],
)
def test_merge(settings, kwargs, expected):
    assert merge(settings, "X_", DEFAULTS, Wrong, **kwargs) == expected


@pytest.mark.parametrize(
    ("key", "kwargs", "message"),
    [
        ("X_COLOR", {}, "unknown setting X_COLOR (did you mean X_COLOUR?)"),
        ("X_ZZZZZZZZ", {}, "unknown setting X_ZZZZZZZZ"),
        ("X_FOO_UR", {"also_known": ["X_FOO_URL"]}, "(did you mean X_FOO_URL?)"),
    ],
)
def test_unknown_keys_are_refused_with_the_nearest_name(key, kwargs, message):
    with pytest.raises(Wrong) as caught:
        merge({key: 1}, "X_", DEFAULTS, Wrong, **kwargs)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"unknown setting {key}")


def test_every_unknown_key_is_named_one_line_each():
    with pytest.raises(Wrong) as caught:
        merge({"X_COLOR": 1, "X_SIZES": 2, "X_SIZE": 3}, "X_", DEFAULTS, Wrong)
    assert str(caught.value).splitlines() == [
        "unknown setting X_COLOR (did you mean X_COLOUR?)",
        "unknown setting X_SIZES (did you mean X_SIZE?)",
    ]


@pytest.mark.parametrize(
    ("key", "known", "meant"),
    [
        # another plugin's name for it: a word added, or the words in another order
        (
            "RELATED_MAX_POSTS",
            ["RELATED_MAX", "RELATED_MAX_WORDS", "RELATED_MAX_TERMS"],
            "RELATED_MAX",
        ),
        ("RELATED_POSTS_MAX", ["RELATED_MAX", "RELATED_MAX_WORDS"], "RELATED_MAX"),
        ("RELATED_MAX_WORD", ["RELATED_MAX", "RELATED_MAX_WORDS"], "RELATED_MAX_WORDS"),
        ("X_ZZZZZZZZ", ["X_COLOUR"], None),
    ],
)
def test_the_nearest_name_prefers_one_made_of_the_key_s_own_words(key, known, meant):
    assert nearest(key, known) == meant
