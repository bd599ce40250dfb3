"""reStructuredText math in Chromium: typeset as math (MathML, no script), a fraction's terms
one above the other, with nothing the Content-Security-Policy refuses and nothing axe finds;
LaTeX shown as written (Markdown's, and reST's docutils cannot write) read as written."""

import pytest

from sitecheck.a11y import axe_violations, describe
from tests.browser.serving import free_port, serve_folder
from tests.browser.test_csp import COLLECT
from tests.conftest import _builder
from tests.test_math import COLOUR_POST, DOLLAR_MATH, DOLLAR_POST, RST_POST

PAGE = "/posts/equations/"
DISPLAYS = """() => [...document.querySelectorAll('.post-content math')]
  .map(m => getComputedStyle(m).display)"""
# the numerator's bottom and the denominator's top (a fraction typeset: one above the other)
FRACTION = """() => { const [top, bottom] = document.querySelector('.post-content mfrac').children;
  return [top.getBoundingClientRect().bottom, bottom.getBoundingClientRect().top]; }"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site with the post, its pages carrying the policy (<meta>), served."""
    port = free_port()
    built = _builder(tmp_path_factory.mktemp("math"))(
        {"posts/eq.rst": RST_POST, "posts/solow.md": DOLLAR_POST, "posts/colour.rst": COLOUR_POST},
        siteurl=f"http://127.0.0.1:{port}",
        CSP_ENABLED=True,
    )
    server = serve_folder(built.output, port)
    yield built
    server.shutdown()


def test_math_is_typeset_by_the_browser_under_the_site_s_policy(browser, site, screenshots):
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    page.add_init_script(COLLECT)
    page.goto(site.siteurl + PAGE)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    page.locator(".post-content").screenshot(path=str(screenshots / "math-rest.png"))
    assert page.evaluate(DISPLAYS) == ["math", "block math", "block math"]
    numerator_bottom, denominator_top = page.evaluate(FRACTION)
    assert numerator_bottom <= denominator_top
    assert page.evaluate("() => window.__csp") == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [PAGE, "/posts/solow/", "/posts/colour/"])
def test_axe_finds_nothing_on_a_page_with_math(browser, site, axe_script, scheme, path):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is a script
    page = context.new_page()
    page.goto(site.siteurl + path)
    assert [describe(v) for v in axe_violations(page, axe_script)] == []
    context.close()


def test_latex_shown_as_written_reads_as_written(browser, site):
    # Markdown's LaTeX between dollars, reST's formulas docutils cannot write as MathML
    page = browser.new_page()
    page.goto(site.siteurl + "/posts/solow/")
    shown = page.locator(".post-content .math").evaluate_all("s => s.map(e => e.textContent)")
    assert shown == DOLLAR_MATH
    page.goto(site.siteurl + "/posts/colour/")
    assert page.locator(".post-content code.math").text_content() == "\\color{red}{z} < 1"
    assert page.locator(".post-content pre.math").text_content() == "x = \\bm{y} \\tag{1}"
    page.close()
