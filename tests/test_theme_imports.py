"""The theme's partials make no import on every page that gives every page the same module.

A template included, or imported ``with context``, runs its top level each time a page
includes or imports it. An import without context there gives back the same module every
time, but Jinja first compares the page's globals with the imported template's (a set
difference against a ChainMap): at 500 posts, 2,193 such imports took 0.13 s of the 3.9 s
of rendering. Such an import belongs where its names are used: inside a ``{% memo %}`` body
(rendered once per key) or a macro.
"""

from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from plugins.blogcore.memo import MemoExtension
from tests.conftest import ROOT

TEMPLATES = ROOT / "theme" / "templates"
# run outside a memo on few pages: a gallery's own page and a post with a gallery; the home
# page's featured card (every other card is in a memo)
FEW_PAGES = {"partials/gallery.html", "partials/post_card.html"}
ENV = jinja2.Environment(extensions=[MemoExtension], trim_blocks=True, lstrip_blocks=True)


def _parsed(name: str) -> nodes.Template:
    return ENV.parse((TEMPLATES / name).read_text(encoding="utf-8"))


def _is_memo(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.CallBlock)
        and isinstance(node.call.node, nodes.ExtensionAttribute)
        and node.call.node.name == "_fragment"
    )


def _run_per_page(node: nodes.Node) -> Iterator[str]:
    """Templates ``node`` includes or imports with context outside any memo body."""
    for child in node.iter_child_nodes():
        if _is_memo(child):
            continue
        if isinstance(child, nodes.Include | nodes.FromImport | nodes.Import):
            named = child.template
            wanted = isinstance(child, nodes.Include) or child.with_context
            if wanted and isinstance(named, nodes.Const) and isinstance(named.value, str):
                yield named.value
        yield from _run_per_page(child)


def _pages_run() -> set[str]:
    """Every partial some page runs the top level of outside a memo, followed through."""
    todo = [p.name for p in TEMPLATES.glob("*.html")]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or not (TEMPLATES / name).is_file():
            continue
        seen.add(name)
        todo.extend(_run_per_page(_parsed(name)))
    return {name for name in seen if name.startswith("partials/")}


def _plain_imports(node: nodes.Node) -> Iterator[str]:
    """Imports without context run wherever ``node`` runs: not inside a macro (run when
    called) or a memo body (run once per key), but under an ``if`` or in a loop too."""
    for child in node.iter_child_nodes():
        if _is_memo(child) or isinstance(child, nodes.Macro):
            continue
        if (
            isinstance(child, nodes.FromImport | nodes.Import)
            and not child.with_context
            and isinstance(child.template, nodes.Const)
        ):
            yield f"line {child.lineno}: {child.template.value}"
        yield from _plain_imports(child)


def test_the_rule_sees_the_partials_a_post_page_runs():
    run = _pages_run()
    assert {"partials/post_meta.html", "partials/related_posts.html"} <= run
    assert "partials/author_card.html" not in run  # inside a memo in article.html


@pytest.mark.parametrize("name", sorted(_pages_run() - FEW_PAGES))
def test_a_partial_run_on_every_page_imports_nothing_at_its_top(name: str):
    assert list(_plain_imports(_parsed(name))) == [], Path(name).name
