"""Writers' content that is wider than a phone stays in its own box at 320 px: a block formula
scrolls inside a box that takes Tab, a long surname, a one-word series title and a URL in a
gallery caption wrap; the page itself never scrolls sideways (WCAG 1.4.10 Reflow;
theme/assets/css). reStructuredText's inline literals and literal blocks look like code."""

import io

import pytest
from PIL import Image

from sitecheck.a11y import axe_violations, describe
from tests.browser.serving import free_port, serve_folder
from tests.conftest import _builder

MATH = """Wide math
#########

:date: 2024-05-01 10:00
:category: Engineering
:author: Ada Byrne
:summary: A wide formula.

.. math::

   \\mathbf{X} = \\begin{pmatrix} x_{11} & x_{12} & x_{13} & x_{14} & x_{15} & x_{16} & x_{17}
   & x_{18} & x_{19} & x_{20} \\\\ x_{21} & x_{22} & x_{23} & x_{24} & x_{25} & x_{26} & x_{27}
   & x_{28} & x_{29} & x_{30} \\end{pmatrix} + \\int_0^\\infty e^{-x^2} dx = \\frac{\\sqrt{\\pi}}{2}
"""
NAME = """Title: Our new volunteer coordinator
Date: 2024-05-02 10:00
Category: Engineering
Author: Hubert Wolfeschlegelsteinhausenbergerdorff
Summary: A real surname.

Text.
"""
PART = """Title: Teil {n}: Die Raumbelegungsplanungsverwaltungssoftware
Date: 2024-05-0{d} 10:00
Category: Engineering
Author: Ada Byrne
Series: Raumbelegung
Series_index: {n}
Summary: Teil {n}.

Text.
"""
PLANS = "https://tessellate.example/workshop/plans/2025/bench-v2-final.pdf"
GALLERY = f"""Title: The repair workshop
Date: 2024-05-05
Summary: Two photos.
Photo: bench.jpg | The bench; the plans are at {PLANS} | A workbench.
Photo: tools.jpg | The tools wall. | A wall of tools.
"""
LITERALS = """Restarting the worker
#####################

:date: 2024-05-06 10:00
:category: Engineering
:author: Ada Byrne
:summary: Code in reST.

Run ``systemctl restart tessellate-worker`` now.

The log should end with::

   worker ready: 4 queues, 0 pending
"""


def jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(buffer, "JPEG")
    return buffer.getvalue()


WIDTHS = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    port = free_port()
    built = _builder(tmp_path_factory.mktemp("reflow"))(
        {
            "posts/wide-math.rst": MATH,
            "posts/long-name.md": NAME,
            "series/raumbelegung.md": "Title: Raumbelegung\nSummary: A series.\n",
            "posts/teil-1.md": PART.format(n=1, d=3),
            "posts/teil-2.md": PART.format(n=2, d=4),
            "galleries/workshop/gallery.md": GALLERY,
            "galleries/workshop/bench.jpg": jpeg("steelblue"),
            "galleries/workshop/tools.jpg": jpeg("olive"),
            "posts/literals.rst": LITERALS,
        },
        siteurl=f"http://127.0.0.1:{port}",
    )
    server = serve_folder(built.output, port)
    yield built
    server.shutdown()


@pytest.mark.parametrize(
    "path",
    [
        "/posts/wide-math/",
        "/posts/our-new-volunteer-coordinator/",
        "/category/engineering/",
        "/posts/teil-1-die-raumbelegungsplanungsverwaltungssoftware/",
        "/posts/teil-2-die-raumbelegungsplanungsverwaltungssoftware/",
    ],
)
def test_the_page_is_no_wider_than_a_small_phone(browser, site, path):
    page = browser.new_page(viewport={"width": 320, "height": 740})
    page.goto(site.siteurl + path)
    scroll, client = page.evaluate(WIDTHS)
    assert scroll <= client, (path, scroll, client)
    page.close()


def test_a_wide_formula_scrolls_in_a_box_the_keyboard_reaches(browser, site, axe_script):
    page = browser.new_page(viewport={"width": 320, "height": 740})
    page.goto(site.siteurl + "/posts/wide-math/")
    box = page.locator(".post-content .math-block")
    assert box.count() == 1
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # wider than the box: it scrolls
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.math-block').scrollLeft > 0")
    assert [describe(v) for v in axe_violations(page, axe_script)] == []
    page.close()


def test_a_long_name_is_shown_whole_in_its_card(browser, site):
    page = browser.new_page(viewport={"width": 320, "height": 740})
    page.goto(site.siteurl + "/category/engineering/")
    card = page.locator(".post-card", has_text="volunteer coordinator")
    name = card.locator(".post-meta__author .p-name")
    inside = """([n, c]) => { const a = n.getBoundingClientRect(), b = c.getBoundingClientRect();
      return a.right <= b.right + 0.5 && a.left >= b.left - 0.5; }"""
    assert page.evaluate(inside, [name.element_handle(), card.element_handle()])
    page.close()


def test_a_long_caption_wraps_in_the_lightbox(browser, site):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site.siteurl + "/galleries/workshop/")
    page.locator(".gallery__link").first.click()
    dialog = page.locator("dialog.lightbox")
    dialog.wait_for(state="visible")
    assert dialog.evaluate("d => [d.scrollWidth, d.clientWidth]") == [320, 320]
    page.close()


def test_rest_literals_look_like_code(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site.siteurl + "/posts/restarting-the-worker/")
    style = """e => { const s = getComputedStyle(e);
      return [s.fontFamily === getComputedStyle(document.querySelector('code, kbd, body'))
        .fontFamily ? 'same' : s.fontFamily, s.backgroundColor, s.hyphens]; }"""
    literal = page.locator(".post-content .docutils.literal").first
    family, background, hyphens = literal.evaluate(style)
    code_family = page.evaluate(
        "() => getComputedStyle(document.documentElement).getPropertyValue('--font-code')"
    )
    assert family != "same" and code_family.strip()
    assert background != "rgba(0, 0, 0, 0)" and hyphens in ("none", "manual")
    block = page.locator(".post-content pre.literal-block")
    assert block.evaluate("b => getComputedStyle(b).borderTopStyle") == "solid"
    page.close()
