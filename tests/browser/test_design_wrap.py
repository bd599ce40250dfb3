"""Writers' real content on a phone, in Chromium: a long word or an address wraps inside the
lightbox and the series steps instead of widening the page, a tall photo in a gallery is no
sliver, a line marked with hl_lines shows in both schemes, and reStructuredText's code looks
like Markdown's. Each test failed before the theme's fix (numbers in the docstrings: 320 px)."""

from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from sitecheck.a11y import axe_violations
from tests.browser.serving import serve_build

LONG = "Raumbelegungsplanungsverwaltungssoftware"
URL = "https://tessellate.example/workshop/plans/2025/bench-v2-final.pdf"
GALLERY = "/galleries/werkstatt/"
SERIES_PART = "/posts/teil-2/"
HL_POST = "/posts/one-line/"
RST_POST = "/posts/rest-code/"


def _photo(width: int, height: int, colour: str) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _part(n: int) -> str:
    return (
        f"Title: Teil {n}: Die {LONG}\nDate: 2025-03-0{n} 09:00\nCategory: Engineering\n"
        f"Author: Ada Byrne\nSeries: Raumbelegung\nSeries_index: {n}\nSlug: teil-{n}\n"
        f"Summary: Teil {n}.\n\nText.\n"
    )


FILES = {
    "galleries/werkstatt/gallery.md": (
        f"Title: Die {LONG}werkstatt\nDate: 2025-03-01\nSummary: Three photos.\n"
        "Cover: bench.jpg\n"
        f"Photo: bench.jpg | The bench; the plans are at {URL} | A workbench.\n"
        "Photo: screen.jpg | The whole booking page, scrolled from top to bottom. "
        "| A tall screenshot.\n"
        "Photo: desk.jpg | The desk where we tested it. | A desk.\n"
    ),
    "galleries/werkstatt/bench.jpg": _photo(800, 600, "#3d6b8f"),
    "galleries/werkstatt/screen.jpg": _photo(360, 1080, "#a0522d"),  # 1:3
    "galleries/werkstatt/desk.jpg": _photo(800, 600, "#556b2f"),
    "series/raumbelegung.md": "Title: Raumbelegung\nSummary: A series in German.\n",
    "posts/teil-1.md": _part(1),
    "posts/teil-2.md": _part(2),
    "posts/one-line.md": (
        "Title: The one line that matters\nDate: 2025-03-03 09:00\nCategory: Engineering\n"
        "Author: Ada Byrne\nSlug: one-line\nSummary: hl_lines.\n\nLook at line 2:\n\n"
        '```python hl_lines="2"\ndef is_free(room, slot):\n'
        "    return not room.bookings.overlaps(slot)  # this one\n"
        '    # "a string", 42, print()\n```\n'
    ),
    "posts/rest-code.rst": (
        "Restarting the booking worker\n#############################\n\n"
        ":date: 2025-03-04 09:00\n:category: Engineering\n:author: Ada Byrne\n"
        ":slug: rest-code\n:summary: Code in reST.\n\n"
        "Run ``systemctl restart tessellate-worker`` and check ``journalctl -u worker``.\n\n"
        "The log should end with::\n\n   worker ready: 4 queues, 0 pending\n"
    ),
}


@pytest.fixture(scope="module")
def wrap_site(tmp_path_factory):
    with serve_build(tmp_path_factory.mktemp("wrap"), FILES) as site:
        yield site


def _overflow(page: Page) -> int:
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_the_lightbox_wraps_an_address_and_a_long_title(page: Page, wrap_site, screenshots):
    """Before: the dialog was 623 px wide inside 320 and opened scrolled sideways."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(wrap_site.siteurl + GALLERY)
    page.locator("section.gallery a.gallery__link").first.click()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(page.locator(".lightbox__caption")).to_contain_text(URL)
    facts = page.eval_on_selector(
        "dialog.lightbox",
        """d => ({sw: d.scrollWidth, cw: d.clientWidth, left: d.scrollLeft,
                  out: [...d.querySelectorAll('*')].filter(e => { const r =
                        e.getBoundingClientRect(); return r.width && (r.left < -1 ||
                        r.right > innerWidth + 1); }).map(e => e.className)})""",
    )
    page.screenshot(path=str(screenshots / "wrap-lightbox-320.png"))
    assert facts["sw"] <= facts["cw"] and facts["left"] == 0, facts
    assert facts["out"] == [], facts  # title, picture, caption, buttons all on the screen


def test_a_tall_photo_is_no_sliver_and_its_caption_keeps_its_words(
    page: Page, wrap_site, screenshots
):
    """Before: a 1:3 screenshot was 32 px wide at 360, its caption "boo / king / pag / e"."""
    for width in (320, 360, 768):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(wrap_site.siteurl + GALLERY)
        items = page.eval_on_selector_all(
            "section.gallery li.gallery__item",
            """lis => lis.map(li => { const img = li.querySelector('img');
                 const r = img.getBoundingClientRect(), c = li.querySelector('figcaption');
                 const range = document.createRange(); range.selectNodeContents(c);
                 return {w: li.getBoundingClientRect().width, top: r.top, h: r.height,
                         fit: getComputedStyle(img).objectFit,
                         lines: [...range.getClientRects()].length,
                         words: c.textContent.split(/\\s+/).length}; })""",
        )
        tall = items[1]
        assert tall["w"] >= 64, (width, items)
        assert tall["fit"] == "contain", (width, items)  # the whole picture, never cropped
        # one word a line at most: no word is broken inside
        assert tall["lines"] <= tall["words"], (width, items)
        # beside a photo of its row, as tall as it (no hole under either)
        row = [it for it in items if abs(it["top"] - tall["top"]) < 2]
        assert len(row) >= 2 and max(it["h"] for it in row) - min(it["h"] for it in row) <= 3
        assert _overflow(page) <= 0
    page.set_viewport_size({"width": 360, "height": 740})
    page.locator("section.gallery").screenshot(path=str(screenshots / "wrap-tall-photo-360.png"))


def test_the_series_steps_wrap_a_long_word(page: Page, wrap_site):
    """Before: "← Previous: Teil 1: Die Raumbelegungs…" ran 48 px past a 320 px screen."""
    page.set_viewport_size({"width": 320, "height": 740})
    for path in ("/posts/teil-1/", SERIES_PART):
        page.goto(wrap_site.siteurl + path)
        expect(page.locator(".series-nav__steps a")).to_have_count(1)
        assert _overflow(page) <= 0, path
        box = page.locator(".series-nav__steps a").bounding_box()
        assert box and box["x"] + box["width"] <= 320, (path, box)


HLL = """() => { const hll = document.querySelector('.highlight .hll');
  const others = [...hll.parentElement.childNodes].filter(n => n !== hll && n.nodeType === 1);
  const bg = e => getComputedStyle(e).backgroundColor;
  return {line: bg(hll), pre: bg(hll.closest('.highlight')), height: hll.offsetHeight,
          next: others.map(bg)}; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_highlighted_line_shows_and_keeps_its_contrast(
    browser, wrap_site, axe_script, screenshots, scheme
):
    """Before: .hll had no rule: its background was transparent like its neighbours'."""
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, viewport={"width": 360, "height": 740}
    )
    try:
        page = context.new_page()
        page.goto(wrap_site.siteurl + HL_POST)
        facts = page.evaluate(HLL)
        assert facts["line"] not in ("rgba(0, 0, 0, 0)", facts["pre"]), facts
        assert all(bg != facts["line"] for bg in facts["next"]), facts
        assert facts["height"] < 30, facts  # one line, not one and an empty one
        page.locator(".highlight").screenshot(path=str(screenshots / f"wrap-hll-{scheme}.png"))
        violations = [(v["id"], v["nodes"][0]["target"]) for v in axe_violations(page, axe_script)]
        assert violations == [], violations
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rest_code_looks_like_markdown_code(browser, wrap_site, axe_script, screenshots, scheme):
    """Before: ``cmd`` was set in the serif of the prose with no background, and a `::` block
    was bare text with no box."""
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, viewport={"width": 360, "height": 740}
    )
    try:
        page = context.new_page()
        page.goto(wrap_site.siteurl + HL_POST)
        block = page.eval_on_selector(".highlight", "e => getComputedStyle(e).backgroundColor")
        page.goto(wrap_site.siteurl + RST_POST)
        style = """e => { const s = getComputedStyle(e);
            return {font: s.fontFamily, bg: s.backgroundColor, border: s.borderTopStyle,
                    hyphens: s.hyphens, prose: getComputedStyle(e.closest('.post-content'))
                    .fontFamily}; }"""
        inline = page.eval_on_selector(".post-content .docutils.literal", style)
        assert inline["font"] != inline["prose"] and "monospace" in inline["font"], inline
        assert inline["bg"] != "rgba(0, 0, 0, 0)", inline
        assert inline["hyphens"] != "auto", inline
        literal = page.eval_on_selector(".post-content pre.literal-block", style)
        assert literal["bg"] == block and literal["border"] == "solid", (literal, block)
        page.locator(".post-content").screenshot(path=str(screenshots / f"wrap-rst-{scheme}.png"))
        violations = [(v["id"], v["nodes"][0]["target"]) for v in axe_violations(page, axe_script)]
        assert violations == [], violations
        assert _overflow(page) <= 0
    finally:
        context.close()
