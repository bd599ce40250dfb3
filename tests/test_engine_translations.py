"""A translation waits for its original: a translation of a draft or a future post is a draft."""

import gzip
import importlib
import logging
from pathlib import Path

import pytest
from pelican import signals

from pelicanconf import PLUGINS
from plugins.engine import translations
from plugins.engine.waiting import Version, originals, orphans, unlisted, waiting, why_waiting
from tests.conftest import iter_links


def _post(title: str, date: str, slug: str, word: str, extra: str = "") -> str:
    return (
        f"Title: {title}\nDate: {date}\nCategory: Company\nTags: news\nAuthor: Ada Byrne\n"
        f"Slug: {slug}\n{extra}Summary: {word} summary.\n\n{word} text.\n"
    )


FILES = {
    # the fixture's from-the-future.md is dated 2099: its French version, dated 2025, waits
    "posts/from-the-future.fr.md": _post(
        "Nouvelles du futur", "2025-06-01 09:00", "from-the-future", "ZZEMBARGOFR", "Lang: fr\n"
    ),
    # the fixture's unfinished-thoughts.md says Status: draft
    "posts/unfinished-thoughts.fr.md": _post(
        "Pensées", "2025-05-02 09:00", "unfinished-thoughts", "ZZDRAFTORIGFR", "Lang: fr\n"
    ),
    # a translation begun of a published post: work in progress, no line
    "posts/first-light.de.md": _post(
        "Erstes Licht",
        "2009-11-28 09:00",
        "first-light",
        "ZZDRAFTTRANSDE",
        "Lang: de\nTranslation: true\nStatus: draft\n",
    ),
    # a published post and its translation go out together
    "posts/first-light.fr.md": _post(
        "Premières lueurs", "2009-11-28 09:00", "first-light", "Lueurs", "Lang: fr\n"
    ),
    # a page in draft and its published French version
    "pages/plans.md": "Title: Plans\nSlug: plans\nStatus: draft\n\nZZDRAFTPAGE plans.\n",
    "pages/plans.fr.md": "Title: Projets\nSlug: plans\nLang: fr\n\nZZDRAFTPAGEFR projets.\n",
    # a French draft page of its own (Pelican's DRAFT_PAGE_LANG_SAVE_AS wrote it in publish)
    "pages/visit.fr.md": "Title: Visite\nSlug: visit\nLang: fr\nStatus: draft\n\nZZDRAFTPAGEX\n",
}
SECRETS = ("ZZEMBARGOFR", "ZZDRAFTORIGFR", "ZZDRAFTTRANSDE", "ZZDRAFTPAGE")
HELD = ("fr/posts/from-the-future/", "fr/posts/unfinished-thoughts/", "fr/plans/")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    from tests.conftest import _builder

    return _builder(tmp_path_factory.mktemp("waiting"))(FILES, publish=True, name="pub")


def _everything(output: Path) -> str:
    """Every text file written, Pagefind's compressed fragments too."""
    texts = []
    for path in output.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta"):
            raw = gzip.decompress(raw)
        texts.append(raw.decode("utf-8", "replace"))
    return "\n".join(texts)


def test_no_translation_of_a_draft_or_future_post_is_written_linked_or_indexed(published):
    for url in HELD:
        assert not published.exists(url), url
    assert not (published.output / "drafts").exists()
    text = _everything(published.output)  # pages, feeds, sitemap, search index
    for secret in (*SECRETS, *HELD):
        assert secret not in text
    for file in published.files(".html"):
        soup = published.soup(file.relative_to(published.output).as_posix())
        for url in iter_links(soup):
            assert not any(held in url for held in HELD), f"{file} links {url}"


def test_a_translation_of_a_published_post_goes_out_with_it(published):
    assert published.exists("fr/posts/first-light/")
    switcher = published.soup("posts/first-light/").select('link[rel=alternate][hreflang="fr"]')
    assert switcher and switcher[0]["href"].endswith("/fr/posts/first-light/")
    assert "Lueurs" in published.text("feeds/all-fr.atom.xml")


def test_each_waiting_translation_is_one_line_naming_it_and_its_original(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(FILES, publish=True, name="said")
    lines = [m for m in caplog.messages if "waits for its original" in m]
    assert sorted(lines) == [
        "said/pages/plans.fr.md: waits for its original said/pages/plans.md, which is a draft "
        "(Status: draft) (a translation is published with it, not before)",
        "said/posts/from-the-future.fr.md: waits for its original "
        "said/posts/from-the-future.md, which is dated 2099-01-01 (a translation is published "
        "with it, not before)",
        "said/posts/unfinished-thoughts.fr.md: waits for its original "
        "said/posts/unfinished-thoughts.md, which is a draft (Status: draft) (a translation is "
        "published with it, not before)",
    ]
    # Pelican's two lines with an absolute path for the German draft: work in progress
    assert not [m for m in caplog.messages if "are translations" in m or "first-light.de" in m]


def test_a_held_translations_mistake_waits_with_it_and_a_published_ones_stops_a_publish(
    build_site, caplog
):
    # a draft's own mistakes are warnings in a publish; its held translation's are errors
    # (the reader cannot know yet that it waits), counted out of the verdict, with a line
    caplog.set_level(logging.WARNING)
    typo = {"posts/unfinished-thoughts.fr.md": FILES["posts/unfinished-thoughts.fr.md"]}
    typo = {k: v.replace("Lang: fr\n", "Lang: fr\nSeires: non\n") for k, v in typo.items()}
    site = build_site({**FILES, **typo}, publish=True, name="held")
    assert not site.exists("fr/posts/unfinished-thoughts/")
    assert (
        "held/posts/unfinished-thoughts.fr.md: its error above does not stop this publish: it "
        "waits for its original held/posts/unfinished-thoughts.md and is not published; mend it "
        "before that is"
    ) in caplog.messages
    assert not [m for m in caplog.messages if m.startswith("Build failed")]
    # the same mistake in a translation that is published with its original stops it
    published = {"posts/first-light.fr.md": FILES["posts/first-light.fr.md"]}
    published = {
        k: v.replace("Lang: fr\n", "Lang: fr\nSeires: non\n") for k, v in published.items()
    }
    with pytest.raises(SystemExit):
        build_site({**FILES, **published}, publish=True, name="out")
    assert "Build failed: 1 error(s) above; nothing was published." in caplog.messages


def test_a_development_build_previews_it_as_a_draft_beside_its_original(build_site):
    site = build_site(FILES, name="dev")
    assert not site.exists("fr/posts/from-the-future/")
    preview = site.soup("drafts/fr/posts/from-the-future/")
    assert "ZZEMBARGOFR" in preview.get_text()
    original = site.soup("drafts/posts/from-the-future/")
    assert original.select('link[rel=alternate][hreflang="fr"]')
    assert "ZZEMBARGOFR" not in site.text("feeds/all.atom.xml")
    # a French page's preview is where the dev server sends /fr/plans/: /drafts/pages + path
    assert "ZZDRAFTPAGEFR" in site.text("drafts/pages/fr/plans/")
    assert "ZZDRAFTPAGEX" in site.text("drafts/pages/fr/visit/")
    assert "ZZEMBARGOFR" not in site.text("index.html")


def test_a_translation_of_nothing_is_one_line(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = _post("Seul", "2024-01-01", "nobody-has-this", "Seul", "Lang: fr\nTranslation: true\n")
    build_site({"posts/alone.fr.md": post}, name="orphan")
    assert [m for m in caplog.messages if "alone.fr.md" in m] == [
        "orphan/posts/alone.fr.md: says Translation: true, but no post with its Slug "
        "nobody-has-this is the original, so it stands as a post of its own (give it its "
        "original's Slug, or remove the Translation line)"
    ]
    assert not [m for m in caplog.messages if "are translations" in m]


def test_the_engine_holds_them_before_any_plugin_reads_the_posts():
    # a plugin's receiver that ran first (related picking, fastbuild fixing URLs, blogcore's
    # URL clashes) would see the translation as published, whatever the order of PLUGINS
    for name in reversed(PLUGINS):
        importlib.import_module(name).register()
    for signal, receiver in (
        (signals.article_generator_pretaxonomy, translations.on_articles_read),
        (signals.page_generator_finalized, translations.on_pages_read),
    ):
        assert next(iter(signal.receivers_for(object()))) is receiver


def V(key="a", state="published", default=True, marked=False):
    return Version(key=key, state=state, in_default_lang=default, marked=marked)


@pytest.mark.parametrize(
    ("versions", "held"),
    [
        ([V(state="draft"), V(default=False)], {1: 0}),  # a future or draft original
        ([V(), V(state="draft", default=False, marked=True)], {}),  # a draft translation
        ([V(), V(default=False)], {}),  # both out
        ([V(state="draft"), V(state="draft", default=False)], {}),  # both waiting anyway
        ([V(state="draft"), V(state="hidden", default=False)], {1: 0}),  # hidden is written
        ([V(state="hidden"), V(default=False)], {}),  # a hidden original is out
        ([V(state="draft"), V(default=False), V(default=False, key="b")], {1: 0}),
        # no version in DEFAULT_LANG: the unmarked one is the original
        ([V(state="draft", default=False), V(default=False, marked=True)], {1: 0}),
        # two originals (a clash blogcore names): one is out, nothing waits
        ([V(state="draft"), V(), V(default=False)], {}),
    ],
)
def test_waiting(versions, held):
    assert waiting(versions) == held


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        ([V(), V(default=False, marked=True)], [0]),
        ([V(marked=True), V(default=False, marked=True)], [0]),
        ([V(default=False, marked=True), V(default=False)], [1]),
        ([V(default=False), V(default=False)], [0, 1]),  # two: Pelican warns, keeps both
    ],
)
def test_originals_as_pelican_picks_them(versions, expected):
    assert originals(versions) == expected


def test_orphans_and_why():
    assert orphans([V(marked=True), V(key="b"), V(key="b", marked=True)]) == [0]
    assert why_waiting(True, "2099-01-01") == "which is a draft (Status: draft)"
    assert why_waiting(False, "2099-01-01") == "which is dated 2099-01-01"


HIDDEN_FILES = {
    "posts/press-kit.md": _post(
        "Press kit", "2025-03-01 09:00", "press-kit", "ZZHIDDENEN", "Status: hidden\n"
    ),
    "posts/press-kit.fr.md": _post(
        "Dossier de presse", "2025-03-01 09:00", "press-kit", "ZZHIDDENFR", "Lang: fr\n"
    ),
    "pages/partners.md": "Title: Partners\nSlug: partners\nStatus: hidden\n\nZZHIDDENPAGE.\n",
    "pages/partners.fr.md": "Title: Partenaires\nSlug: partners\nLang: fr\n\nZZHIDDENPAGEFR.\n",
}


def _where(output: Path, word: str) -> set[str]:
    """The files (relative, the language folder taken off) whose text has this word."""
    found = set()
    for path in output.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".txt"):
            continue
        if word in path.read_text(encoding="utf-8", errors="replace"):
            found.add(path.relative_to(output).as_posix().removeprefix("fr/"))
    return found


def test_a_translation_of_a_hidden_post_or_page_is_hidden_with_it(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site(HIDDEN_FILES, publish=True, name="hid")
    # written at its address, as its original is, and listed nowhere its original is not
    assert site.exists("fr/posts/press-kit/") and site.exists("fr/partners/")
    assert _where(site.output, "ZZHIDDENFR") == _where(site.output, "ZZHIDDENEN")
    assert _where(site.output, "ZZHIDDENFR") == {"posts/press-kit/index.html"}
    assert _where(site.output, "ZZHIDDENPAGEFR") == _where(site.output, "ZZHIDDENPAGE")
    # the two versions still link each other
    original = site.soup("posts/press-kit/")
    assert original.select('link[rel=alternate][hreflang="fr"]')
    lines = sorted(m for m in caplog.messages if "is hidden with its original" in m)
    assert lines == [
        "hid/pages/partners.fr.md: is hidden with its original hid/pages/partners.md, which "
        "says Status: hidden (a translation is listed where its original is; write Status: "
        "hidden in it to say so)",
        "hid/posts/press-kit.fr.md: is hidden with its original hid/posts/press-kit.md, which "
        "says Status: hidden (a translation is listed where its original is; write Status: "
        "hidden in it to say so)",
    ]


@pytest.mark.parametrize(
    ("versions", "hidden"),
    [
        ([V(state="hidden"), V(state="published", default=False)], {1: 0}),
        ([V(state="hidden"), V(state="hidden", default=False)], {}),
        ([V(state="published"), V(state="published", default=False)], {}),
        ([V(state="draft"), V(state="published", default=False)], {}),  # waits instead
        ([V(state="published"), V(state="hidden", default=False)], {}),  # may be hidden alone
        # a hidden original beside a draft one (two files in DEFAULT_LANG): hidden with it
        (
            [V(state="draft"), V(state="hidden"), V(state="published", default=False)],
            {2: 1},
        ),
        ([V(state="hidden"), V(key="b", state="published")], {}),  # another post
    ],
)
def test_unlisted(versions, hidden):
    assert unlisted(versions) == hidden
