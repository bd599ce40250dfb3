"""A theme template's inline code (probe 8 finding 23): development builds send no
Content-Security-Policy, so a template's inline style or script worked in `make serve`, `make
publish` passed, and readers' browsers refused it. Each such line is named: a warning in
development, an error that stops a publish."""

import logging
import shutil

import pytest

from plugins.csp.inline import inline_code
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
