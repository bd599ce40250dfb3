"""A theme template's inline code (probe 8 finding 23): development builds send no
Content-Security-Policy, so a template's inline style or script worked in `make serve`, `make
publish` passed, and readers' browsers refused it. Each such line is named: a warning in
development, an error that stops a publish."""

import logging
import os
import shutil

import pytest

from plugins.csp.inline import in_templates, inline_code
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("template", "found"),
    [
        ('<script src="{{ SITEURL }}/app.js" defer></script>', []),
        ('<script type="application/ld+json">{{ jsonld }}</script>', []),
        ("<script>console.log(1)</script>", [(1, "a <script> with its code inline")]),
        ('<script type="module">go()</script>', [(1, "a <script> with its code inline")]),
        ("<p>\n<style>p{color:red}</style>", [(2, "a <style> element")]),
        ('<div style="color:red">x</div>', [(1, "a style= attribute on <div>")]),
        ('<button\n  onclick="go()">x</button>', [(1, "an onclick= attribute on <button>")]),
        ('<a href="javascript:go()">x</a>', [(1, "a javascript: link on <a>")]),
        ('<div data-onclick="x" data-style="y">', []),  # data attributes are data
        ('{# <div style="color:red"> #}\n<!-- <script>x</script> -->\n<p>', []),
        (
            '<div {% if a > b %}class="x"{% endif %} style="top:0">',
            [(1, "a style= attribute on <div>")],
        ),
        ("<p>style= and onclick= in a sentence</p>", []),
    ],
)
def test_inline_code(template, found):
    assert [(i.line, i.what) for i in inline_code(template)] == found


def test_the_theme_writes_nothing_inline():
    for path in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        assert inline_code(path.read_text(encoding="utf-8")) == [], path


def test_a_templates_inline_style_is_named_and_stops_a_publish(build_site, tmp_path, caplog):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    lines = base.read_text(encoding="utf-8").splitlines()
    body = next(n for n, line in enumerate(lines) if "<body" in line)
    lines.insert(body + 1, '<div style="color:red" onclick="alert(1)">New</div>')
    base.write_text("\n".join(lines) + "\n", encoding="utf-8")
    caplog.set_level(logging.WARNING)
    build_site(THEME=str(theme), name="inline-dev")
    said = [m for m in caplog.messages if "base.html: line" in m]
    assert len(said) == 2, said
    # named from the project's folder (the content folder's parent), as posts are
    shown = "theme/templates/base.html"
    assert said[0].startswith(f"{shown}: line {body + 2}: a style= attribute on <div>, which the ")
    assert "published site's Content-Security-Policy blocks (style-src 'self'" in said[0]
    assert said[0].endswith(
        "make publish stops on it; move it into the theme's CSS (theme/assets/css/)"
    )
    assert "an onclick= attribute on <div>" in said[1] and said[1].endswith("(theme/assets/js/)")
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(THEME=str(theme), publish=True, name="inline-pub")
    assert any("base.html: line" in m and "style=" in m for m in caplog.messages)


def _scans(paths, kept):
    """What in_templates finds, and the texts it scanned to find it."""
    scanned = []

    def scan(text):
        scanned.append(text)
        return inline_code(text)

    found = [
        (path.name, [(i.line, i.what) for i in codes])
        for path, codes in in_templates(paths, kept, scan)
    ]
    return found, scanned


def test_templates_unchanged_since_the_last_build_are_not_scanned_again(tmp_path):
    # 51 templates scanned in every build (6-8 ms): kept in the build's cache by their bytes
    plain, styled = tmp_path / "plain.html", tmp_path / "styled.html"
    plain.write_text("<p>{{ text }}</p>\n", encoding="utf-8")
    styled.write_text('<p>\n<div style="top:0">\n', encoding="utf-8")
    kept = tmp_path / "cache" / "csp" / "templates.json"
    first, scanned = _scans([plain, styled], kept)
    assert first == [("plain.html", []), ("styled.html", [(2, "a style= attribute on <div>")])]
    assert len(scanned) == 2
    assert _scans([plain, styled], kept) == (first, [])
    # an edit that keeps the file's size and time is seen: the key is the bytes
    stat = styled.stat()
    styled.write_text('<p>\n<dim style="top:0">\n', encoding="utf-8")
    os.utime(styled, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    found, scanned = _scans([plain, styled], kept)
    assert found[1] == ("styled.html", [(2, "a style= attribute on <dim>")])
    assert scanned == ['<p>\n<dim style="top:0">\n']


@pytest.mark.parametrize("kept_bytes", [b"", b"{", b'{"scanner": 1}', b"[]", b"\xff"])
def test_a_damaged_record_of_templates_is_scanned_again(tmp_path, kept_bytes):
    template = tmp_path / "base.html"
    template.write_text("<p>\r\n<script>go()</script>\r\n", encoding="utf-8")
    kept = tmp_path / "templates.json"
    kept.write_bytes(kept_bytes)
    found, scanned = _scans([template], kept)
    assert found == [("base.html", [(2, "a <script> with its code inline")])]
    assert len(scanned) == 1
    assert _scans([template], kept) == (found, [])  # and kept again


def test_a_record_that_cannot_be_written_leaves_the_findings_alone(tmp_path):
    template = tmp_path / "base.html"
    template.write_text('<a href="javascript:go()">x</a>', encoding="utf-8")
    (tmp_path / "cache").write_text("a file where the cache folder would be", encoding="utf-8")
    kept = tmp_path / "cache" / "csp" / "templates.json"
    for _ in range(2):
        found, scanned = _scans([template, tmp_path / "gone.html"], kept)
        assert found == [("base.html", [(1, "a javascript: link on <a>")])]
        assert len(scanned) == 1


def test_a_kept_finding_is_said_by_the_next_build_and_stops_a_publish(build_site, tmp_path, caplog):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("<body", '<body onload="go()"', 1), encoding="utf-8")
    cache = str(tmp_path / "shared-cache")
    caplog.set_level(logging.WARNING)
    build_site(THEME=str(theme), CACHE_PATH=cache, name="kept-dev")
    said = [m for m in caplog.messages if "base.html: line" in m]
    assert len(said) == 1 and "an onload= attribute on <body>" in said[0], said
    caplog.clear()
    with pytest.raises(SystemExit):
        build_site(THEME=str(theme), CACHE_PATH=cache, publish=True, name="kept-pub")
    said = [m for m in caplog.messages if "base.html: line" in m]
    assert len(said) == 1 and "an onload= attribute on <body>, which the Content" in said[0]
    caplog.clear()
    base.write_text(text, encoding="utf-8")
    build_site(THEME=str(theme), CACHE_PATH=cache, name="kept-fixed")
    assert not [m for m in caplog.messages if "base.html: line" in m]
