"""A translation waits for its original: a translation of a draft or a future post is a draft."""

import gzip
import importlib
import logging
from pathlib import Path

import pytest
from pelican import signals

from pelicanconf import PLUGINS
from plugins.engine import translations
from plugins.engine.waiting import (
    Version,
    named_after,
    originals,
    orphans,
    unlisted,
    waiting,
    why_waiting,
)
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
        "original's Slug, or remove its Translation: line)"
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


# Translations that Pelican cannot link to their draft original (another slug), whose file names
# say what they are: <name>.<lang>.md, or <lang>/<name>.md, beside <name>.md
MISNAMED = {
    # the writer renamed the draft's Slug after the translator copied it
    "posts/zqdraft.md": _post(
        "Acquisition", "2025-11-01", "we-acquire-hallco", "ZZRENAMEDEN", "Status: draft\n"
    ).replace("Ada Byrne", "Zq Newperson"),
    "posts/zqdraft.fr.md": _post(
        "L'acquisition", "2025-11-01", "zqdraft", "ZZRENAMEDFR", "Lang: fr\n"
    ).replace("Ada Byrne", "Zq Newperson"),
    # the original has no Slug (its title's), the translator wrote the file's name, and
    # Translation: true; the original is dated in the future
    "posts/merger-plan.md": _post("Our merger plan", "2099-03-01", "", "ZZTITLEEN").replace(
        "Slug: \n", ""
    ),
    "posts/merger-plan.de.rst": (
        "Unser Fusionsplan\n#################\n\n:date: 2025-03-01\n:category: Company\n"
        ":author: Ada Byrne\n:slug: merger-plan\n:lang: de\n:translation: true\n\nZZTITLEDE.\n"
    ),
    # a translation in a language folder
    "posts/plan-b.md": _post(
        "Plan B", "2025-04-01", "plan-b-2026", "ZZFOLDEREN", "Status: draft\n"
    ),
    "posts/fr/plan-b.md": _post("Plan B", "2025-04-01", "plan-b", "ZZFOLDERFR", "Lang: fr\n"),
    # a draft page and its French version under another slug
    "pages/roadmap.md": "Title: Roadmap\nSlug: roadmap\nStatus: draft\n\nZZPAGEEN.\n",
    "pages/roadmap.fr.md": "Title: Feuille\nSlug: feuille-de-route\nLang: fr\n\nZZPAGEFR.\n",
    # a published post's translation under another slug: out, as a post of its own
    "posts/first-light.es.md": _post(
        "Primera luz", "2009-11-28 09:00", "primera-luz", "Primera", "Lang: es\n"
    ),
    # a file that says it is a translation of nothing
    "posts/alone.fr.md": _post(
        "Seul", "2024-01-01", "nobody-has-this", "ZZORPHANFR", "Lang: fr\nTranslation: true\n"
    ),
}
MISNAMED_SECRETS = ("ZZRENAMED", "ZZTITLE", "ZZFOLDER", "ZZPAGE")


class Lines(logging.Handler):
    """Every line a build logged, with its level."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.levelname, record.getMessage()))


def _build_logged(base: Path, publish: bool, name: str):
    from tests.conftest import _builder

    lines = Lines()
    logging.getLogger().addHandler(lines)
    site, stopped = None, False
    try:
        site = _builder(base)(MISNAMED, publish=publish, name=name)
    except SystemExit:
        stopped = True
    finally:
        logging.getLogger().removeHandler(lines)
    return site, stopped, lines.lines, base / "output-0"


@pytest.fixture(scope="module")
def misnamed_publish(tmp_path_factory):
    return _build_logged(tmp_path_factory.mktemp("misnamed"), True, "mp")


@pytest.fixture(scope="module")
def misnamed_dev(tmp_path_factory):
    return _build_logged(tmp_path_factory.mktemp("misnamed-dev"), False, "md")


def test_a_translation_of_a_draft_under_another_slug_is_not_published(misnamed_publish):
    _, stopped, _, output = misnamed_publish
    text = _everything(output)  # pages, feeds, sitemap, search index
    assert (output / "pagefind").is_dir()
    for secret in MISNAMED_SECRETS:
        assert secret not in text, secret
    for url in ("fr/posts/zqdraft/", "de/posts/merger-plan/", "fr/posts/plan-b/"):
        assert url not in text
    assert not (output / "fr" / "feuille-de-route").exists()
    assert stopped  # and the publish stops on it


def test_it_is_one_error_line_naming_both_files_and_slugs(misnamed_publish):
    _, _, lines, _ = misnamed_publish
    said = sorted(line for level, line in lines if "is named as a translation of" in line)
    assert said == [
        "mp/pages/roadmap.fr.md: is named as a translation of mp/pages/roadmap.md, which is a "
        "draft (Status: draft), but has Slug feuille-de-route, not its Slug roadmap: held back "
        "with it, not published alone before it (give it its original's Slug: roadmap, or "
        "rename the file if it is a page of its own)",
        "mp/posts/first-light.es.md: is named as a translation of mp/posts/first-light.md, but "
        "has Slug primera-luz, not its Slug first-light, so it stands as a post of its own, "
        "linked to neither (give it its original's Slug: first-light, or rename the file if it "
        "is a post of its own)",
        "mp/posts/fr/plan-b.md: is named as a translation of mp/posts/plan-b.md, which is a "
        "draft (Status: draft), but has Slug plan-b, not its Slug plan-b-2026: held back with "
        "it, not published alone before it (give it its original's Slug: plan-b-2026, or "
        "rename the file if it is a post of its own)",
        "mp/posts/merger-plan.de.rst: is named as a translation of mp/posts/merger-plan.md, "
        "which is dated 2099-03-01, but has Slug merger-plan, not its Slug our-merger-plan: "
        "held back with it, not published alone before it (give it its original's :slug: "
        "our-merger-plan, or rename the file if it is a post of its own)",
        "mp/posts/zqdraft.fr.md: is named as a translation of mp/posts/zqdraft.md, which is a "
        "draft (Status: draft), but has Slug zqdraft, not its Slug we-acquire-hallco: held "
        "back with it, not published alone before it (give it its original's Slug: "
        "we-acquire-hallco, or rename the file if it is a post of its own)",
    ]
    levels = {line.split(":")[0]: level for level, line in lines if line in said}
    assert levels["mp/posts/first-light.es.md"] == "WARNING"  # published: nothing leaks
    assert {v for k, v in levels.items() if "first-light" not in k} == {"ERROR"}
    # said once: not again as a translation of nothing, nor as its draft author's error
    assert not [line for _, line in lines if "merger-plan.de.rst: says Translation" in line]
    assert not [line for level, line in lines if level == "ERROR" and "Zq Newperson" in line]


def test_a_published_translation_of_nothing_stops_a_publish(misnamed_publish):
    _, _, lines, _ = misnamed_publish
    assert (
        "ERROR",
        "mp/posts/alone.fr.md: says Translation: true, but no post with its Slug "
        "nobody-has-this is the original, so it would be published as a post of its own (give "
        "it its original's Slug, or remove its Translation: line)",
    ) in lines


def test_a_misnamed_translation_of_a_draft_is_previewed_as_a_draft_in_development(misnamed_dev):
    site, stopped, lines, _ = misnamed_dev
    assert not stopped
    assert not site.exists("fr/posts/zqdraft/")
    assert "ZZRENAMEDFR" in site.text("drafts/fr/posts/zqdraft/")
    assert "ZZPAGEFR" in site.text("drafts/pages/fr/feuille-de-route/")
    for page in ("index.html", "feeds/all.atom.xml", "archives/index.html"):
        for secret in MISNAMED_SECRETS:
            assert secret not in site.text(page), (page, secret)
    named = [level for level, line in lines if "is named as a translation of" in line]
    assert named == ["WARNING"] * 5
    assert (
        "WARNING",
        "md/posts/alone.fr.md: says Translation: true, but no post with its Slug "
        "nobody-has-this is the original, so it stands as a post of its own (give it its "
        "original's Slug, or remove its Translation: line)",
    ) in lines
    # a published post's translation under another slug is still published
    assert site.exists("es/posts/primera-luz/")


def F(path, key, lang="en", state="published", marked=False):
    """A version with its file."""
    return Version(key, state, lang == "en", marked, lang=lang, path=f"/c/posts/{path}")


@pytest.mark.parametrize(
    ("versions", "named"),
    [
        ([F("x.md", "a"), F("x.fr.md", "b", "fr")], {1: 0}),  # another slug
        ([F("x.md", "a"), F("x.fr.md", "a", "fr")], {}),  # its translation
        ([F("x.md", "a"), F("fr/x.md", "b", "fr")], {1: 0}),  # in a language folder
        ([F("x.md", "a"), F("x.fr.rst", "b", "fr")], {1: 0}),  # reStructuredText
        ([F("x.md", "a"), F("x.pt-br.md", "b", "pt-br")], {1: 0}),
        ([F("x.md", "a"), F("x.zh_CN.md", "b", "zh-cn")], {1: 0}),
        ([F("x.md", "a"), F("x.fr.md", "b")], {1: 0}),  # no Lang line: its name says fr
        ([F("x.md", "a"), F("x.fil.md", "b", "fil")], {1: 0}),  # its Lang says fil
        ([F("x.md", "a"), F("x.end.md", "b")], {}),  # not a language
        ([F("x.md", "a"), F("x.ok.md", "b")], {}),  # two letters, no language's code
        ([F("x.md", "a"), F("x.md.md", "b")], {}),
        ([F("x.md", "a"), F("x.en.md", "b")], {}),  # the same language: a post of its own
        ([F("x.md", "a"), F("x.v2.md", "b")], {}),
        ([F("x.md", "a"), F("2026/x.md", "b", "fr")], {}),  # a folder, not its language
        ([F("x.md", "a"), F("y.fr.md", "b", "fr")], {}),  # another name
        ([F("x.fr.md", "b", "fr")], {}),  # nothing beside it
        # it translates another post: it goes out with that one
        ([F("x.md", "a"), F("y.md", "b"), F("x.fr.md", "b", "fr")], {}),
        # beside a folder's file of that name only
        ([F("news/x.md", "a"), F("x.fr.md", "b", "fr")], {}),
    ],
)
def test_named_after(versions, named):
    assert named_after(versions) == named
