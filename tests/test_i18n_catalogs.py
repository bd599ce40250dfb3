"""The French catalog is complete: every template string extracted now, translated, not fuzzy."""

from pathlib import Path

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
