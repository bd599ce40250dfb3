"""The search plugin's pure logic: which Pagefind bundle a page goes into, and each one's glob."""

import pytest

from plugins.search.bundles import (
    Bundle,
    bundle_folder,
    glob_escape,
    html_lang,
    manifest,
    plan,
    primary_subtag,
)

SEGMENTED = ("zh", "ja", "th")


@pytest.mark.parametrize(
    ("head", "lang"),
    [
        (b'<!DOCTYPE html>\n<html lang="en">', "en"),
        (b"<!doctype html><html class='x' lang='zh-Hans' dir=ltr>", "zh-Hans"),
        (b"<HTML LANG=ja><head>", "ja"),
        (b'<!-- a comment --><html data-x="1" lang = "fr" >', "fr"),
        (b"<html><head><title>no language</title>", ""),
        (b'<html data-lang="de">', ""),  # another attribute that ends in lang
        (b'<!DOCTYPE html>\n<html lang="e', None),  # cut before the tag ends: read on
        (b"<!DOCTYPE html>", None),
    ],
)
def test_html_lang(head, lang):
    assert html_lang(head) == lang


@pytest.mark.parametrize(
    ("lang", "subtag"),
    [("zh-Hans", "zh"), ("pt_BR", "pt"), ("JA", "ja"), ("en", "en"), ("", "")],
)
def test_primary_subtag(lang, subtag):
    assert primary_subtag(lang) == subtag


@pytest.mark.parametrize(
    ("lang", "main", "segmented", "folder"),
    [
        ("ja", "en", SEGMENTED, "ja"),
        ("zh-Hans", "en", SEGMENTED, "zh"),
        ("zh-hant", "en-GB", SEGMENTED, "zh"),
        ("th", "fr", SEGMENTED, "th"),
        ("fr", "en", SEGMENTED, ""),  # spaces between words: stemmed as the main language
        ("ko", "en", SEGMENTED, ""),  # Korean writes spaces between words
        ("en", "en", SEGMENTED, ""),
        ("", "en", SEGMENTED, ""),  # no lang: the main index, as Pagefind would
        ("ja", "ja", SEGMENTED, ""),  # the site's own language: the main index is split
        ("zh-Hant", "zh-Hans", SEGMENTED, ""),  # one language to Pagefind's splitting
        ("en", "ja", SEGMENTED, ""),
        ("ja", "en", (), ""),  # SEARCH_SEGMENTED_LANGUAGES = (): one index, as before
        ("ja", "en", ("zh",), ""),
    ],
)
def test_bundle_folder(lang, main, segmented, folder):
    assert bundle_folder(lang, main, segmented) == folder


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("posts", "posts"),
        ("we,ird{x}", r"we\,ird\{x\}"),
        ("a*b?[c]", r"a\*b\?\[c\]"),
        ("公民館", "公民館"),
    ],
)
def test_glob_escape(name, escaped):
    assert glob_escape(name) == escaped


EN, FR, JA, ZH = "en", "fr", "ja", "zh-Hans"


@pytest.mark.parametrize(
    ("pages", "main", "expected"),
    [
        # one language: one bundle, each top-level folder of marked pages (as always)
        (
            [("posts/a/index.html", EN), ("posts/b/index.html", EN)],
            EN,
            [Bundle("", EN, "{posts/**/*.html}")],
        ),
        (
            [("posts/a/index.html", EN), ("about/index.html", EN), ("fr/posts/c/index.html", FR)],
            EN,
            [Bundle("", EN, "{about/**/*.html,fr/**/*.html,posts/**/*.html}")],
        ),
        (
            [("index.html", EN), ("posts/a/index.html", EN)],
            EN,
            [Bundle("", EN, "{index.html,posts/**/*.html}")],
        ),
        # translations in their own folders: a folder each
        (
            [
                ("posts/a/index.html", EN),
                ("ja/posts/a/index.html", JA),
                ("zh-Hans/posts/a/index.html", ZH),
                ("fr/posts/a/index.html", FR),
            ],
            EN,
            [
                Bundle("", EN, "{fr/**/*.html,posts/**/*.html}"),
                Bundle("ja", "ja", "{ja/**/*.html}"),
                Bundle("zh", "zh", "{zh-Hans/**/*.html}"),
            ],
        ),
        # languages side by side in one folder: split down to the pages
        (
            [
                ("posts/a/index.html", EN),
                ("posts/b/index.html", JA),
                ("posts/c/d/index.html", EN),
                ("about/index.html", EN),
            ],
            EN,
            [
                Bundle("", EN, "{about/**/*.html,posts/a/**/*.html,posts/c/**/*.html}"),
                Bundle("ja", "ja", "{posts/b/**/*.html}"),
            ],
        ),
        (
            [("posts/a.html", EN), ("posts/b.html", JA)],
            EN,
            [Bundle("", EN, "{posts/a.html}"), Bundle("ja", "ja", "{posts/b.html}")],
        ),
        # a Japanese site: Japanese is its main index; an English post stays in it
        (
            [("posts/a/index.html", JA), ("en/posts/a/index.html", EN)],
            JA,
            [Bundle("", JA, "{en/**/*.html,posts/**/*.html}")],
        ),
        # nothing for the main index: the first language takes the main folder
        (
            [("ja/posts/a/index.html", JA), ("zh-Hans/posts/a/index.html", ZH)],
            EN,
            [Bundle("", "ja", "{ja/**/*.html}"), Bundle("zh", "zh", "{zh-Hans/**/*.html}")],
        ),
        ([("posts/we,ird/index.html", EN)], EN, [Bundle("", EN, "{posts/**/*.html}")]),
        ([("we,ird/index.html", EN)], EN, [Bundle("", EN, r"{we\,ird/**/*.html}")]),
        ([], EN, []),
    ],
)
def test_plan(pages, main, expected):
    assert plan(pages, main, SEGMENTED) == expected


def test_plan_without_segmented_languages_is_one_bundle():
    pages = [("posts/a/index.html", EN), ("ja/posts/a/index.html", JA)]
    assert plan(pages, EN, ()) == [Bundle("", EN, "{ja/**/*.html,posts/**/*.html}")]


@pytest.mark.parametrize(
    ("bundles", "expected"),
    [
        ([Bundle("", EN, "x")], {"merge": []}),
        (
            [Bundle("", EN, "x"), Bundle("ja", "ja", "y"), Bundle("zh", "zh", "z")],
            {"merge": [{"path": "ja/", "language": "ja"}, {"path": "zh/", "language": "zh"}]},
        ),
    ],
)
def test_manifest(bundles, expected):
    assert manifest(bundles) == expected
