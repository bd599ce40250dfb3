"""The comments block speaks the page's language: Isso's strings, the read-only thread's words
and its date locale all come from the template, through the i18n plugin's gettext."""

import json

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from plugins.comments.model import Thread
from plugins.comments.providers import isso
from plugins.comments.providers.isso import corrected_times, isso_lang
from tests.conftest import ROOT, _builder
from tests.test_comments_site import ISSO, POSTS

FRENCH = {
    "posts/fil-ferme.md": "Title: Fil fermé\nDate: 2024-07-04\nLang: fr\nComments: closed\n\nx\n",
    "posts/fil-ouvert.md": "Title: Fil ouvert\nDate: 2024-07-05\nLang: fr\n\nx\n",
}


def _marked(text: str) -> str:
    return f"«{text}»"


def comments_strings() -> list[str | tuple[str, str]]:
    """The msgids of the comments partials, extracted with the project's babel.cfg."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    return [
        message
        for name, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map
        )
        if "partials/comments" in name.replace("\\", "/")
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site with a French catalog that marks every comments string «like this»."""
    base = tmp_path_factory.mktemp("comments-strings")
    catalog = Catalog(locale="fr")
    for message in comments_strings():
        if isinstance(message, tuple):
            catalog.add(message, string=tuple(_marked(m) for m in message[:2]))
        else:
            catalog.add(message, string=_marked(message))
    po = base / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as fh:
        write_po(fh, catalog)
    return _builder(base)(
        {**POSTS, **FRENCH},
        COMMENTS_ISSO_URL=ISSO,
        I18N_TRANSLATIONS_PATH=str(base / "translations"),
        I18N_CACHE_PATH=str(base / "i18n-cache"),
    )


def test_extraction_sees_the_comments_strings():
    strings = {m if isinstance(m, str) else m[0] for m in comments_strings()}
    assert {"No comments yet. Start the conversation.", "Your comment", "Anonymous"} <= strings
    assert "%(num)s comment" in strings  # a plural, through ngettext


def test_isso_gets_the_page_language_and_every_string_through_gettext(site):
    section = site.soup("fr/posts/fil-ouvert/").select_one("section.comments")
    attrs = json.loads(section["data-comments-attrs"])
    assert attrs["data-isso-lang"] == "fr"
    assert section["data-comments-text-attr"] == "data-isso-{key}-text-fr"
    target = section.select_one("#isso-thread")
    texts = json.loads(target["data-comments-texts"])
    assert "no-comments" in texts and "postbox-submit" in texts
    # Isso words the times on a French page; its own lines where one is mended (its "Il y a 5
    # heures " ended in a space), not ours to translate
    isso_times = corrected_times("fr")
    assert {key: texts[key] for key in isso_times} == isso_times
    for key, value in texts.items():
        if key not in isso_times:
            assert value.startswith("«") and value.endswith("»"), (key, value)
    # plurals: a form for each sample count, in the catalog's language
    plurals = json.loads(target["data-comments-plurals"])
    assert plurals["lang"] == "fr"
    assert set(plurals["forms"]) == {"num-comments", "comment-hidden"}
    forms = dict(zip(plurals["samples"], plurals["forms"]["num-comments"], strict=True))
    assert (forms[1], forms[2], forms[0]) == (
        "«{{ n }} comment»",
        "«{{ n }} comments»",
        "«{{ n }} comment»",
    )
    for key, values in plurals["forms"].items():
        assert all(v.startswith("«") and v.endswith("»") for v in values), (key, values)
    for name in ("text", "upvote", "downvote"):
        assert target[f"data-comments-label-{name}"].startswith("«")
    # the line when the thread cannot load, as a closed thread's
    assert section["data-comments-failed"] == "«The comments could not be loaded.»"


def test_the_read_only_thread_gets_its_words_and_locale(site):
    fr = site.soup("fr/posts/fil-ferme/").select_one("section.comments")
    assert fr["data-comments-locale"] == "fr"
    for name in ("anonymous", "empty", "failed"):
        assert fr[f"data-comments-{name}"].startswith("«")
    en = site.soup("posts/closed/").select_one("section.comments")
    assert en["data-comments-locale"] == "en-GB"  # I18N_DATE_LOCALES: day month year
    assert en["data-comments-anonymous"] == "Anonymous"


def test_the_script_holds_no_words_of_its_own():
    script = (ROOT / "theme" / "assets" / "js" / "comments.js").read_text(encoding="utf-8")
    for english in ("Anonymous", "No comments", "could not be loaded", "toLocaleDateString"):
        assert english not in script


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "en"),
        ("fr", "fr"),
        ("fr-CA", "fr"),  # Isso has no fr-CA: its primary language
        ("pt_BR", "pt-BR"),
        ("pt-br", "pt-BR"),
        ("zh-tw", "zh-TW"),
        # Chinese by script: Isso's zh is Simplified (probe 18, finding 4)
        ("zh", "zh"),
        ("zh-Hant", "zh-TW"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh-HK", "zh-TW"),
        ("zh-MO", "zh-TW"),
        ("zh-Hans", "zh-CN"),
        ("zh-CN", "zh-CN"),
        ("zh-SG", "zh-CN"),
        ("cy", "en"),  # no Welsh catalogue: English, so our strings still apply
        ("", "en"),
    ],
)
def test_isso_lang(lang, expected):
    assert isso_lang(lang) == expected


def test_isso_embed_brings_no_stylesheet_and_no_identicons():
    options = {"url": ISSO, "require_author": False, "vote": False}
    embed = isso.embed(options, Thread("a", "", "", "open", "fr"))
    assert embed.script_attrs["data-isso-css"] == "false"
    assert embed.script_attrs["data-isso-avatar"] == "false"
    assert embed.text_attr == "data-isso-{key}-text-fr"
