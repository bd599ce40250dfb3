"""Galleries as a reader sees them in Chromium: whole photos of every shape in rows without holes
at every width from 320 px, captions kept, the lightbox still whole and working, covers framed
on a dark page, axe in both schemes. The photos are made here with Pillow: landscapes,
portraits, squares and a panorama, in an order that puts portraits beside landscapes."""

import itertools
from io import BytesIO

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from sitecheck.a11y import axe_violations
from tests.browser.serving import free_port, serve_folder
from tests.conftest import _builder

GALLERY = "/galleries/mixed/"
POST = "/posts/mixed-shapes/"
# (file, width, height, caption); the cover is the near-white one
PHOTOS = [
    ("hall.jpg", 900, 600, "The hall before anyone came."),
    ("door.jpg", 400, 600, "The door."),
    ("cake.jpg", 500, 500, "A square cake, cut into squares, eaten in minutes."),
    ("stage.jpg", 960, 540, "The stage, wide."),
    ("lamp.jpg", 450, 600, "A lamp."),
    ("cloth.jpg", 800, 600, "The white tablecloth, laid out in the morning light."),
    ("ridge.jpg", 1200, 400, "The ridge, a panorama."),
    ("tower.jpg", 360, 640, "The tower from below: a tall one."),
    ("kitchen.jpg", 900, 600, "Kitchen."),
    ("tiles.jpg", 600, 600, "Tiles."),
    ("chair.jpg", 480, 600, "A chair by the window, where the light was best all day."),
]
COLOURS = ["#3d6b8f", "#a0522d", "#556b2f", "#6a3a9c", "#8f4400", "#fbfbf8", "#2f4f4f"]
SIDECAR = (
    "Title: Mixed shapes\nDate: 2025-03-01\nSummary: Every shape.\nCover: cloth.jpg\n"
    + "".join(
        f"Photo: {f} | {caption} | A test picture, {w} by {h}\n" for f, w, h, caption in PHOTOS
    )
)
POST_TEXT = """Title: Mixed shapes
Date: 2025-03-02 10:00
Category: Company
Author: Ada Byrne
Slug: mixed-shapes
Summary: A post with a gallery of every shape.
Gallery: mixed

A few words before the photos.
"""


def _photo(width: int, height: int, colour: str) -> bytes:
    """A flat picture with a frame and a diagonal, so that a crop or a stretch would show."""
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline="#000000", width=6)
    draw.line((0, 0, width, height), fill="#ffffff" if colour != "#fbfbf8" else "#999999", width=6)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    files = {"galleries/mixed/gallery.md": SIDECAR, "posts/mixed-shapes.md": POST_TEXT}
    for i, (name, width, height, _) in enumerate(PHOTOS):
        files[f"galleries/mixed/{name}"] = _photo(width, height, COLOURS[i % len(COLOURS)])
    site = _builder(tmp_path_factory.mktemp("mixed"))(
        files,
        siteurl=siteurl,
        GALLERY_WIDTHS=(240, 480, 960),
        GALLERY_FORMATS=("webp", "jpeg"),
    )
    server = serve_folder(site.output, port)
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# Rows as the reader sees them: every photo's box, grouped by the top of its image.
ROWS = """() => {
  const grid = document.querySelector('section.gallery .gallery__grid');
  const g = grid.getBoundingClientRect();
  const items = [...grid.querySelectorAll('li.gallery__item')].map(li => {
    const img = li.querySelector('img'), r = img.getBoundingClientRect();
    const f = li.getBoundingClientRect(), s = getComputedStyle(img);
    return {left: f.left - g.left, right: f.right - g.left, top: r.top - g.top,
            bottom: r.bottom - g.top, width: r.width, height: r.height, fit: s.objectFit,
            ratio: img.width / img.height,
            intrinsic: +img.getAttribute('width') / +img.getAttribute('height'),
            caption: (li.querySelector('figcaption') || {}).textContent || ''};
  });
  const rows = [];
  for (const it of items) {
    const row = rows.find(r => Math.abs(r[0].top - it.top) < 2);
    if (row) row.push(it); else rows.push([it]);
  }
  const gap = parseFloat(getComputedStyle(grid).columnGap);
  return {width: g.width, gap, rows, count: items.length};
}"""


def _assert_no_holes(layout: dict, where: str) -> None:
    rows, width, gap = layout["rows"], layout["width"], layout["gap"]
    assert layout["count"] == len(PHOTOS), where
    assert sum(len(r) for r in rows) == len(PHOTOS), where
    heights = []
    for n, row in enumerate(rows):
        last = n == len(rows) - 1
        tallest = max(it["height"] for it in row)
        for it in row:
            # whole photos: shown at their own ratio, never cropped or stretched
            assert it["fit"] in ("fill", "contain"), (where, it)
            assert abs(it["ratio"] - it["intrinsic"]) <= 0.02 * it["intrinsic"], (where, it)
            # no hole under a shorter photo: every photo of a row is as tall as the tallest
            assert tallest - it["height"] <= max(3, 0.03 * tallest), (where, n, row)
        # side by side, in gallery.md order, one gap apart
        assert row[0]["left"] <= 1, (where, n, row)
        for a, b in itertools.pairwise(row):
            assert -1 <= b["left"] - a["right"] <= gap + 1, (where, n, row)
        if not last:  # every full row spans the width (the last one may stop short)
            assert abs(row[-1]["right"] - width) <= 2, (where, n, row, width)
            heights.append(tallest)
        elif heights:  # the last one is never blown up past the rows above
            assert tallest <= max(heights) + 2, (where, row, heights)
    # the next row starts under the previous one (and its captions), never over it
    for a, b in itertools.pairwise(rows):
        assert b[0]["top"] >= max(it["bottom"] for it in a), where


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_every_shape_fills_its_row_without_holes(browser, mixed_site, screenshots, width):
    """Before: one column grid, each cell as tall as its tallest photo: a portrait left a
    hole under each landscape of its row (and a panorama a wide strip)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    try:
        page = context.new_page()
        for path in (GALLERY, POST):
            page.goto(mixed_site.siteurl + path)
            page.evaluate("() => document.fonts.ready")
            layout = page.evaluate(ROWS)
            _assert_no_holes(layout, f"{path} at {width} px")
            assert len(layout["rows"]) < len(PHOTOS), "one photo a row is a list, not a gallery"
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} overflows by {overflow}px at {width}"
            # the captions stay, under their photos
            captions = page.locator("section.gallery figcaption")
            expect(captions).to_have_count(len(PHOTOS))
            expect(captions.nth(1)).to_have_text("The door.")
        page.goto(mixed_site.siteurl + GALLERY)
        page.screenshot(path=str(screenshots / f"gallery-mixed-{width}-light.png"), full_page=True)
    finally:
        context.close()


def test_the_lightbox_shows_a_portrait_whole_and_keeps_the_order(page: Page, mixed_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(mixed_site.siteurl + GALLERY)
    links = page.locator("section.gallery a.gallery__link")
    expect(links).to_have_count(len(PHOTOS))
    links.nth(7).click()  # the tall tower
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(page.locator("#lightbox-title")).to_contain_text(f"photo 8 of {len(PHOTOS)}")
    expect(page.locator(".lightbox__caption")).to_have_text(PHOTOS[7][3])
    page.wait_for_function(
        "() => { const i = document.querySelector('.lightbox__figure img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    shown = page.eval_on_selector(
        ".lightbox__figure img",
        """i => { const r = i.getBoundingClientRect();
                  return {w: r.width, h: r.height, nw: i.naturalWidth, nh: i.naturalHeight,
                          fit: getComputedStyle(i).objectFit, vh: innerHeight}; }""",
    )
    assert abs(shown["w"] / shown["h"] - shown["nw"] / shown["nh"]) < 0.02, shown
    assert shown["h"] <= shown["vh"], shown
    page.keyboard.press("ArrowRight")  # the order of gallery.md, as on the page
    expect(page.locator(".lightbox__caption")).to_have_text(PHOTOS[8][3])
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == links.nth(
        8
    ).get_attribute("href")


# The photo in the lightbox, and how far the dialog scrolls.
LIGHTBOX = """() => {
  const img = document.querySelector('.lightbox__figure img').getBoundingClientRect();
  const dialog = document.querySelector('dialog.lightbox');
  const nav = document.querySelector('.lightbox__nav').getBoundingClientRect();
  return {w: img.width, h: img.height, top: img.top, navBottom: nav.bottom,
          vh: innerHeight, scrolls: dialog.scrollHeight - dialog.clientHeight};
}"""


def _open_lightbox(page: Page, site, n: int) -> dict:
    page.goto(site.siteurl + GALLERY)
    page.locator("section.gallery a.gallery__link").nth(n).focus()
    page.keyboard.press("Enter")
    expect(page.locator("dialog.lightbox")).to_be_visible()
    page.wait_for_function(
        "() => { const i = document.querySelector('.lightbox__figure img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    return page.evaluate(LIGHTBOX)


# a laptop screen zoomed in: (CSS width, height, zoom); 1366x768 at 300 and 400 %, 1280x720 at 400 %
ZOOMED = [(455, 256, 3), (342, 192, 4), (320, 180, 4)]


@pytest.mark.parametrize(("width", "height", "zoom"), ZOOMED)
def test_the_lightbox_keeps_the_photo_when_zoomed_in(
    browser, mixed_site, screenshots, width, height, zoom
):
    """Before: 100vh - 11rem with no floor: at 400 % the photo was 0x0 (max-height 16 px) and
    the dialog did not scroll; at 300 % it was 119x79."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=zoom,
        reduced_motion="reduce",
    )
    try:
        page = context.new_page()
        for n in (0, 7):  # a landscape and the tall tower
            shown = _open_lightbox(page, mixed_site, n)
            # at least 12rem high, or the whole screen when that is less: never a sliver
            assert shown["h"] >= min(height, 192) - 1, shown
            assert shown["h"] <= height, shown  # yet whole on the screen once scrolled to
            # the dialog scrolls to what no longer fits: the caption and the buttons
            assert shown["scrolls"] > 0, shown
            page.locator(".lightbox__next").focus()  # the keyboard brings them into view
            assert page.evaluate(LIGHTBOX)["navBottom"] <= height + 1
            if n == 0:
                page.locator("dialog.lightbox").evaluate("d => d.scrollTop = 0")
                page.screenshot(path=str(screenshots / f"lightbox-zoom{zoom}-{width}x{height}.png"))
            page.keyboard.press("Escape")
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_the_lightbox_fits_a_laptop_screen_without_scrolling(browser, mixed_site, width, height):
    """At 100 % nothing moved: the photo takes what the title, caption and buttons leave
    (100vh - 11rem) and the dialog does not scroll."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        shown = _open_lightbox(page, mixed_site, 0)
        assert shown["scrolls"] <= 0, shown
        assert abs(shown["h"] - (height - 11 * 16)) <= 2, shown
        assert shown["navBottom"] <= height, shown
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_gallery_covers_are_framed(browser, mixed_site, screenshots, scheme):
    """Before: the index's covers ran to the card's edge; a white one glared on a dark page."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        page.goto(mixed_site.siteurl + "/galleries/")
        frame = page.eval_on_selector(
            ".gallery-card__cover",
            """e => { const s = getComputedStyle(e), card = e.closest('.gallery-card');
                      const img = e.querySelector('img').getBoundingClientRect();
                      const c = card.getBoundingClientRect();
                      return {border: parseFloat(s.borderTopWidth), style: s.borderTopStyle,
                              colour: s.borderTopColor, padding: parseFloat(s.paddingTop),
                              mat: s.backgroundColor,
                              card: getComputedStyle(card).backgroundColor,
                              inset: Math.min(img.left - c.left, img.top - c.top,
                                              c.right - img.right)}; }""",
        )
        assert frame["border"] >= 1 and frame["style"] == "solid", frame
        assert frame["padding"] >= 4, frame
        assert frame["colour"] != frame["card"], frame
        assert frame["mat"] not in ("rgba(0, 0, 0, 0)", frame["card"]), frame
        assert frame["inset"] >= 8, frame  # the photo no longer touches the card's edge
        # the photo itself is shown true: no filter, no opacity
        assert (
            page.eval_on_selector(
                ".gallery-card__cover img",
                "i => getComputedStyle(i).filter + ' ' + getComputedStyle(i).opacity",
            )
            == "none 1"
        )
        page.screenshot(path=str(screenshots / f"gallery-index-1280-{scheme}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing(browser, mixed_site, axe_script, screenshots, scheme):
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            for path in (GALLERY, POST, "/galleries/"):
                page.goto(mixed_site.siteurl + path)
                violations = [
                    (v["id"], [n["target"] for n in v["nodes"]])
                    for v in axe_violations(page, axe_script)
                ]
                assert violations == [], f"{path} ({scheme}, {width} px): {violations}"
            page.goto(mixed_site.siteurl + GALLERY)
            page.screenshot(
                path=str(screenshots / f"gallery-mixed-{width}-{scheme}.png"), full_page=True
            )
    finally:
        context.close()
