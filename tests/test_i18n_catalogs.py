"""The French catalog is complete: every template string extracted now, translated, not fuzzy."""

import logging
import shutil
import subprocess
import sys
from gettext import NullTranslations
from pathlib import Path

import babel
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from plugins.i18n import catalogs
from tests.conftest import ROOT

TRANSLATIONS = ROOT / "theme" / "translations"


def template_strings() -> set[str]:
    """Every msgid in the theme's templates, extracted now with the project's babel.cfg."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_extraction_sees_the_templates():
    strings = template_strings()
    assert {"Skip to content", "Search", "Related reading", "%(minutes)d min read"} <= strings


def test_every_catalog_is_complete():
    expected = template_strings()
    found = catalogs.find_catalogs(TRANSLATIONS, "messages")
    assert "fr" in found
    for lang, po in found.items():
        problems = catalogs.problems(po, lang, expected)
        assert problems == [], "\n".join(map(str, problems)) + "\n(run invoke i18n-extract)"


def test_problems_are_found(tmp_path: Path):
    po = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Home"\nmsgstr "Accueil"\n\n'
        'msgid "Team"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Tags"\nmsgstr "Mots"\n',
        encoding="utf-8",
    )
    problems = catalogs.problems(po, "fr", {"Home", "Team", "Tags", "Archives"})
    assert {(p.msgid, p.why) for p in problems} == {
        ("Team", "untranslated"),
        ("Tags", "fuzzy"),
        ("Archives", "missing from the catalog"),
    }
    # compiled through the cache: the same .po is compiled once, a changed one again
    first = catalogs.compile_catalog(po, "fr", tmp_path / "cache", "messages")
    assert catalogs.compile_catalog(po, "fr", tmp_path / "cache", "messages") == first
    po.write_text(po.read_text(encoding="utf-8").replace("Accueil", "Maison"), encoding="utf-8")
    second = catalogs.compile_catalog(po, "fr", tmp_path / "cache", "messages")
    assert second != first and not first.exists()
    loaded = catalogs.load(tmp_path, tmp_path / "cache", "messages")["fr"]
    assert loaded.gettext("Home") == "Maison" and loaded.gettext("Tags") == "Tags"


@pytest.mark.parametrize(
    ("code", "folder"),
    [
        ("de", "de"),
        ("zh-Hans", "zh-Hans"),
        ("zh_Hans", "zh-Hans"),
        ("pt_br", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("FR", "fr"),
        ("english", None),
        ("zz", None),
        ("", None),
    ],
)
def test_a_catalog_folder_is_named_as_pages_write_lang(code, folder):
    assert catalogs.folder_name(code) == folder


@pytest.mark.parametrize(
    ("lang", "folders", "meant"),
    [
        ("zh-Hans", {"fr", "zh_Hans"}, "zh_Hans"),
        ("pt-BR", {"pt_BR"}, "pt_BR"),
        ("zh-Hans", {"zh-Hans"}, None),  # found as it is: nothing to rename
        ("de", {"fr", "zh_Hans"}, None),
    ],
)
def test_a_catalog_folder_spelled_otherwise_is_found(lang, folders, meant):
    assert catalogs.misspelled_folder(lang, folders) == meant


def _project_copy(tmp_path: Path) -> Path:
    """What i18n-extract reads and writes, copied: the task never touches the repository."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("tasks.py", "babel.cfg"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("plugins", "theme"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def _invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    invoke = Path(sys.executable).parent / "invoke"
    return subprocess.run(
        [str(invoke), *args], cwd=project, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("written", ["zh-Hans", "zh_Hans"])
def test_i18n_extract_starts_a_catalog_where_pages_in_that_language_find_it(tmp_path, written):
    # `--add zh-Hans`, as the build's own warning says, stopped with a Babel traceback;
    # `--add zh_Hans` made translations/zh_Hans/, which no page with Lang: zh-Hans reads
    project = _project_copy(tmp_path)
    french = project / "theme" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    before = french.read_bytes()
    done = _invoke(project, "i18n-extract", "--add", written)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # pybabel init printed 44 "WARNING: msg has more translations than num_plurals" and
    # "WARNING: Problem on line 24: ''" lines for a language of one plural form, no file named
    said = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert not any("WARNING" in line for line in said), said
    assert any(
        "creating catalog theme/translations/zh-Hans/LC_MESSAGES/messages.po" in s for s in said
    )
    translations = project / "theme" / "translations"
    assert sorted(p.name for p in translations.iterdir() if p.is_dir()) == ["fr", "zh-Hans"]
    po = translations / "zh-Hans" / "LC_MESSAGES" / "messages.po"
    catalog = catalogs.read_catalog(po, "zh-Hans")
    assert catalog.num_plurals == 1 and "Skip to content" in catalog
    assert french.read_bytes() == before  # updated, nothing to change


def test_i18n_extract_refuses_what_is_no_language(tmp_path):
    project = _project_copy(tmp_path)
    done = _invoke(project, "i18n-extract", "--add", "english")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "--add 'english' is not a language code such as de, pt-BR or zh-Hans" in done.stderr
    translations = project / "theme" / "translations"
    assert sorted(p.name for p in translations.iterdir() if p.is_dir()) == ["fr"]
    assert (translations / "messages.pot").read_bytes() == (
        ROOT / "theme" / "translations" / "messages.pot"
    ).read_bytes()  # refused before anything was extracted


# A translator's mistake: named with the .po file's line and the msgid, never a stopped build;
# pages show the English text for that entry.

FRENCH_PO = TRANSLATIONS / "fr" / "LC_MESSAGES" / "messages.po"
TYPOS = {
    # a placeholder misspelt: the page's %-formatting raised KeyError and stopped the build
    'msgstr[0] "%(minutes)d min de lecture"': 'msgstr[0] "%(minute)d min de lecture"',
    # a stray quote: Babel read the rest of the line in, every French page showed the junk
    'msgstr "Aller au contenu"': 'msgstr "Aller au contenu" junk"',
    # a lone % (French writes "100 %"): formatting raised ValueError
    'msgstr "Rechercher"': 'msgstr "Rechercher à 100 %"',
}


def _broken_catalog(folder: Path) -> Path:
    po = folder / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    text = FRENCH_PO.read_text(encoding="utf-8")
    for good, bad in TYPOS.items():
        assert good in text, good
        text = text.replace(good, bad, 1)
    po.write_text(text, encoding="utf-8")
    return po


def _line_of(po: Path, fragment: str) -> int:
    lines = po.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if fragment in line)


def test_broken_entries_are_named_with_their_line_and_left_out(tmp_path):
    po = _broken_catalog(tmp_path / "translations")
    found = {(p.msgid, p.line): p.why for p in catalogs.broken(po, "fr")}
    assert found == {
        ("%(minutes)d min read", _line_of(po, "%(minute)d")): (
            "unknown named placeholder 'minute' (the English text has %(minutes)d)"
        ),
        ("Skip to content", _line_of(po, "junk")): (
            "this line is not one quoted string (a stray or missing quote?): "
            'msgstr "Aller au contenu" junk"'
        ),
        ("Search", _line_of(po, "100 %")): (
            "a % that is no placeholder (incomplete format): write %% for a percent sign"
        ),
    }
    assert catalogs.broken(FRENCH_PO, "fr") == []
    loaded = catalogs.load(tmp_path / "translations", tmp_path / "cache", "messages")["fr"]
    assert loaded.gettext("Skip to content") == "Skip to content"
    assert loaded.gettext("Search") == "Search"
    assert loaded.ngettext("%(minutes)d min read", "%(minutes)d min read", 3) == (
        "%(minutes)d min read"
    )
    assert loaded.gettext("Home") == "Accueil"  # the rest is French


def test_a_broken_translation_is_english_on_the_page_with_one_line(build_site, caplog, tmp_path):
    from tests.test_i18n_site import FR_URL, FRENCH

    po = _broken_catalog(tmp_path / "translations")
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"posts/first-light.fr.md": FRENCH},
        name="broken-po",
        I18N_TRANSLATIONS_PATH=str(tmp_path / "translations"),
        I18N_CACHE_PATH=str(tmp_path / "cache"),
    )
    page = site.soup(FR_URL)
    assert page.select_one("a.skip-link, a[href='#main']").get_text(strip=True) == (
        "Skip to content"
    )
    assert "min read" in page.get_text(" ") and "junk" not in page.get_text(" ")
    said = [
        r for r in caplog.records if str(po) in r.getMessage() or "messages.po:" in r.getMessage()
    ]
    lines = [r.getMessage() for r in said]
    assert len(lines) == 3, lines  # one line each, not one per generator
    assert all(r.levelno == logging.WARNING for r in said)
    assert any(
        f"messages.po:{_line_of(po, '%(minute)d')}: '%(minutes)d min read': unknown named "
        "placeholder 'minute'" in line
        for line in lines
    ), lines
    assert all(line.endswith("pages in fr show the English text for it until it is fixed")
               for line in lines)  # fmt: skip


def test_a_broken_translation_fails_a_publish(build_site, caplog, tmp_path):
    from tests.test_i18n_site import FRENCH

    _broken_catalog(tmp_path / "translations")
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(
            {"posts/first-light.fr.md": FRENCH},
            name="broken-po-publish",
            publish=True,
            I18N_TRANSLATIONS_PATH=str(tmp_path / "translations"),
            I18N_CACHE_PATH=str(tmp_path / "cache"),
        )
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert sum("messages.po:" in line for line in errors) == 3, errors


def test_i18n_compile_names_a_broken_entry_and_fails(tmp_path):
    project = _project_copy(tmp_path)
    po = project / "theme" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.unlink()
    po.parent.rmdir()
    po.parent.parent.rmdir()
    _broken_catalog(project / "theme" / "translations")
    done = _invoke(project, "i18n-compile")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    line = _line_of(po, "%(minute)d")
    assert (
        f"  theme/translations/fr/LC_MESSAGES/messages.po:{line}: unknown named placeholder "
        "'minute' (the English text has %(minutes)d): '%(minutes)d min read'"
    ) in done.stdout.splitlines(), done.stdout


class _Typo(NullTranslations):
    """A catalog read without the check: its translation names a variable the call lacks."""

    def gettext(self, message):
        return {"%(name)s wrote": "%(nom)s a écrit", "Skip": "100 %"}.get(message, message)

    def ngettext(self, singular, plural, n):
        return "%(minute)d min" if "minutes" in singular else super().ngettext(singular, plural, n)


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("{{ _('%(name)s wrote', name='Ada') }}", "Ada wrote"),
        ("{{ _('Skip') }}", "Skip"),
        ("{{ ngettext('%(minutes)d min', '%(minutes)d mins', 3, minutes=3) }}", "3 mins"),
    ],
)
def test_a_translation_that_does_not_format_is_english_not_a_stopped_build(source, english):
    from jinja2 import Environment

    from plugins.i18n import templating

    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.newstyle_gettext = True
    gettexts = templating.callables({"fr": _Typo()}, "fr")
    env.globals.update(gettexts, _=gettexts["gettext"])
    assert env.from_string(source).render() == english


def home_in_french(folder: Path) -> Path:
    """A French catalog with one entry, in folder/fr/LC_MESSAGES/messages.po."""
    po = folder / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Home"\nmsgstr "Accueil"\n',
        encoding="utf-8",
    )
    return po


@pytest.mark.parametrize("cut", [0, 7, 30, -10])
def test_a_damaged_compiled_catalog_is_compiled_again(tmp_path, cut):
    # a .mo in the cache emptied or cut short (a crash, a full disk, a cache restored half):
    # every build stopped on it ("unpack requires a buffer of 4 bytes") until .cache was removed
    po = home_in_french(tmp_path)
    mo = catalogs.compile_catalog(po, "fr", tmp_path / "cache", "messages")
    whole = mo.read_bytes()
    mo.write_bytes(whole[:cut])
    loaded = catalogs.load(tmp_path, tmp_path / "cache", "messages")["fr"]
    assert loaded.gettext("Home") == "Accueil"
    assert mo.read_bytes() == whole


def test_a_cache_that_cannot_be_written_compiles_the_catalogs_in_memory(tmp_path, unwritable):
    # probe 22, 8: a read-only cache and an edited catalog stopped the build with a traceback
    home_in_french(tmp_path)
    cache = unwritable(tmp_path / "cache")
    told = []
    loaded = catalogs.load(tmp_path, cache, "messages", lambda c, e: told.append((c, e.errno)))
    assert loaded["fr"].gettext("Home") == "Accueil"
    assert [c for c, _ in told] == [cache]
    with pytest.raises(OSError):
        catalogs.load(tmp_path, cache, "messages")  # no one to tell: as before


def test_a_babel_upgrade_compiles_the_catalogs_again(tmp_path: Path, monkeypatch):
    """A .mo is Babel's output: another Babel (which may write it otherwise) compiles again."""
    po = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Home"\nmsgstr "Accueil"\n', encoding="utf-8")
    first = catalogs.compile_catalog(po, "fr", tmp_path / "cache", "messages")
    first.write_bytes(first.read_bytes() + b"\0")  # what the older Babel wrote: still loads
    monkeypatch.setattr(babel, "__version__", babel.__version__ + ".post1")
    second = catalogs.compile_catalog(po, "fr", tmp_path / "cache", "messages")
    assert second != first and not first.exists()
    assert (
        catalogs.load(tmp_path, tmp_path / "cache", "messages")["fr"].gettext("Home") == "Accueil"
    )


def test_a_catalog_checked_once_is_not_read_again_until_it_changes(tmp_path, unwritable):
    po = _broken_catalog(tmp_path / "translations")
    cache = tmp_path / "cache"
    fresh = (catalogs.broken(po, "fr"), *catalogs.coverage(po, "fr"))
    assert fresh[0] and catalogs.checked(po, "fr", cache, "messages") == fresh
    kept = cache / "fr" / "messages-checked.json"
    assert catalogs.checked(po, "fr", cache, "messages") == fresh  # from the cache
    before = kept.read_bytes()
    # an edited catalog is read again, and the cache keeps the new answer in its place
    po.write_text(FRENCH_PO.read_text(encoding="utf-8"), encoding="utf-8")
    assert catalogs.checked(po, "fr", cache, "messages") == ([], *catalogs.coverage(po, "fr"))
    assert kept.read_bytes() != before and len(list(kept.parent.glob("*.json"))) == 1
    kept.write_bytes(kept.read_bytes()[:20])  # damaged: read the .po again
    assert catalogs.checked(po, "fr", cache, "messages")[0] == []
    assert catalogs.checked(po, "fr", unwritable(tmp_path / "ro"), "messages")[0] == []


def test_a_cached_catalog_is_parsed_once_per_load(tmp_path, monkeypatch):
    # each build parsed the French .mo twice: once to tell it is whole, once to load it
    home_in_french(tmp_path)
    catalogs.load(tmp_path, tmp_path / "cache", "messages")  # compiled into the cache
    parsed = []
    real = catalogs.Translations

    def counted(*args, **kwargs):
        parsed.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(catalogs, "Translations", counted)
    loaded = catalogs.load(tmp_path, tmp_path / "cache", "messages")["fr"]
    assert loaded.gettext("Home") == "Accueil"
    assert len(parsed) == 1
