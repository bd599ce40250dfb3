"""The French catalog is complete: every template string extracted now, translated, not fuzzy."""

import shutil
import subprocess
import sys
from pathlib import Path

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
