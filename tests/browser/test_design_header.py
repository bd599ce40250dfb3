"""The site header, the menu, avatars side by side and the author card, as a reader sees them.

The header is one row at desktop widths (brand, nav, search); on a phone it is the brand and a
menu button (a <details>, no JavaScript needed) that shows the nav and the search box.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.colours import contrast

ARTICLE = "/posts/why-we-store-bookings-as-postgresql-ranges/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _box(page: Page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
        " width: r.width, height: r.height}; }"
    )


def _menu_button_as_announced(page: Page) -> tuple[str, bool]:
    """Chromium's accessibility tree for the menu button: (role, expanded)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    for node in nodes:
        if node.get("name", {}).get("value") == "Menu" and not node.get("ignored"):
            states = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            if states.get("focusable"):
                return node["role"]["value"], states.get("expanded")
    raise AssertionError("no focusable 'Menu' in the accessibility tree")


@pytest.fixture
def open_page(browser, served_site):
    """open_page(path, width, scheme="light", js=True): a new page in its own context."""
    contexts = []

    def opener(path: str, width: int, scheme: str = "light", js: bool = True) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 800},
            color_scheme=scheme,
            java_script_enabled=js,
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(served_site.siteurl + path)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("path", ["/", ARTICLE])
@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_phone_header_is_one_short_row_with_a_menu_button(open_page, path, js):
    page = open_page(path, 375, js=js)
    header = _box(page, ".site-header")
    assert header["height"] <= 80, header  # was 245 px: the nav wrapped onto two lines
    button = page.locator("summary.site-menu__button")
    expect(button).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
    brand, menu = _box(page, ".site-brand"), _box(page, ".site-menu")
    assert menu["top"] < brand["bottom"] and brand["top"] < menu["bottom"]  # side by side


@pytest.mark.parametrize("width", [1024, 1280])
@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_desktop_header_is_one_row_brand_nav_search(open_page, width, js):
    page = open_page("/", width, js=js)
    header = _box(page, ".site-header")
    assert header["height"] <= 90, header  # was 142.6 px: the search box wrapped below
    boxes = [_box(page, s) for s in (".site-brand", ".site-nav", ".site-search")]
    for box in boxes:  # one band: each overlaps the others vertically
        assert box["height"] > 0
        assert box["top"] < min(b["bottom"] for b in boxes), boxes
    assert boxes[0]["right"] <= boxes[1]["left"] <= boxes[1]["right"] <= boxes[2]["left"]
    expect(page.locator(".site-menu")).to_be_hidden()  # no button, nothing to open
    expect(page.locator(".site-nav a[aria-current=page]")).to_have_text("Home")
    form = page.locator(".site-search__form")
    (expect(form).to_be_visible if js else expect(form).to_be_hidden)()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_menu_opens_and_closes_by_click_and_keyboard(open_page, screenshots, js):
    page = open_page("/", 375, js=js)
    button = page.locator("summary.site-menu__button")
    nav = page.locator(".site-nav")
    expect(button).to_have_accessible_name("Menu")
    # a <summary>: announced as a disclosure button, collapsed, then expanded
    assert _menu_button_as_announced(page) == ("DisclosureTriangle", False)
    button.click()
    expect(nav).to_be_visible()
    assert _menu_button_as_announced(page) == ("DisclosureTriangle", True)
    expect(page.locator(".site-menu")).to_have_attribute("open", "")
    expect(nav.locator("a[aria-current=page]")).to_have_text("Home")
    search = page.locator(".site-search__input" if js else ".site-search__link")
    expect(search).to_be_visible()  # search is in the menu
    assert _box(page, ".site-nav a")["width"] >= 300  # a link a row, easy to tap
    if js:
        page.screenshot(path=str(screenshots / "header-menu-open-375-light.png"))
    button.click()
    expect(nav).to_be_hidden()

    # keyboard, from the top: skip link, brand, the button; Enter opens; Tab goes into the menu
    page.reload()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('summary.site-menu__button')")
    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.site-nav') !== null")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expect(nav).to_be_hidden()


def _focused(page: Page, selector: str) -> bool:
    return page.evaluate(f"() => document.activeElement.matches({selector!r})")


def test_escape_closes_the_menu_and_gives_the_focus_back_to_its_button(open_page):
    page = open_page("/", 375)
    button = page.locator("summary.site-menu__button")
    nav = page.locator(".site-nav")
    button.focus()
    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    page.keyboard.press("Tab")  # into the nav
    assert page.evaluate("() => document.activeElement.closest('.site-nav') !== null")
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    assert _focused(page, "summary.site-menu__button")
    assert _menu_button_as_announced(page) == ("DisclosureTriangle", False)

    # in the search box, Escape first clears what was typed, as a search field does
    page.keyboard.press("Enter")
    search = page.locator(".site-search__input")
    search.fill("ranges")
    page.keyboard.press("Escape")
    expect(search).to_have_value("")
    expect(nav).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    assert _focused(page, "summary.site-menu__button")

    # opened, then the focus elsewhere on the page: Escape closes it and leaves the focus be
    button.click()
    page.locator("main").focus()
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    assert _focused(page, "main")


@pytest.mark.parametrize("path", ["/", "/fr/posts/the-volunteers-who-translate-tessellate/"])
@pytest.mark.parametrize("width", [320, 375])
def test_the_open_menu_fits_the_screen(open_page, path, width):
    page = open_page(path, width)
    page.locator("summary.site-menu__button").click()
    rights = page.locator(".site-menu__panel a, .site-menu__panel input, .site-menu__panel button")
    rights = rights.evaluate_all("items => items.map(e => e.getBoundingClientRect().right)")
    assert max(rights) <= width - 15, rights  # inside the gutter (French labels are longer)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_desktop_nav_is_in_the_tab_order_without_a_button(open_page):
    page = open_page("/", 1280)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('.site-nav') !== null")
    assert focused  # skip link, brand, then the first nav link: the button is not there


@pytest.mark.parametrize("width", [375, 1280])
def test_avatars_side_by_side_sit_on_one_line(open_page, width):
    page = open_page("/", width)
    tops = page.locator(".face-row .avatar").evaluate_all(
        "items => items.map(e => e.getBoundingClientRect().top)"
    )
    assert len(tops) >= 3
    assert page.locator(".face-row span.avatar").count() >= 1  # a monogram among photos
    assert max(tops) - min(tops) <= 1, tops  # the monogram sat 9 px higher


@pytest.mark.parametrize("width", [320, 375])
def test_author_card_bio_uses_the_card_width_on_a_phone(open_page, screenshots, width):
    page = open_page(ARTICLE, width)
    bio = _box(page, ".author-card__bio")
    card = _box(page, ".author-card")
    assert bio["width"] >= (250 if width == 375 else 220), bio  # was a ~150 px column
    assert bio["width"] >= card["width"] - 2 * 24 - 1
    face, name = _box(page, ".author-card .avatar"), _box(page, ".author-card h3")
    assert face["right"] <= name["left"] and face["top"] < name["bottom"]  # name beside face
    card_locator = page.locator(".author-card")
    card_locator.scroll_into_view_if_needed()
    card_locator.screenshot(path=str(screenshots / f"author-card-{width}-light.png"))


# A search field's colours: its placeholder, its fill, its border and what is around it.
FIELD_COLOURS = """e => {
  const opaque = el => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && !c.endsWith(', 0)')) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const s = getComputedStyle(e);
  return {placeholder: getComputedStyle(e, '::placeholder').color, fill: opaque(e),
          border: s.borderTopColor, around: opaque(e.parentElement)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_search_box_label_and_edge_can_be_seen(open_page, scheme, width):
    """Before: the placeholder, the box's only visible label, was the browser's grey, 4.32:1
    (light) and 3.90:1 (dark); the border was 1.84:1 and 2.53:1 against the header."""
    page = open_page("/", width, scheme)
    if width < 1024:
        page.locator("summary.site-menu__button").click()
    field = page.locator("#site-search-q")
    expect(field).to_be_visible()
    expect(field).to_have_attribute("placeholder", "Search")
    colours = field.evaluate(FIELD_COLOURS)
    assert contrast(colours["placeholder"], colours["fill"]) >= 4.5, colours
    assert contrast(colours["border"], colours["fill"]) >= 3, colours
    assert contrast(colours["border"], colours["around"]) >= 3, colours
    # the search page's own box has the same edge
    page.goto(page.url.rstrip("/") + "/search/")
    colours = page.locator(".search-form__input").evaluate(FIELD_COLOURS)
    assert contrast(colours["border"], colours["around"]) >= 3, colours


def test_galleries_are_linked_from_the_footer(open_page):
    page = open_page("/", 1280)
    link = page.locator(".site-footer nav a", has_text="Galleries")
    expect(link).to_have_attribute("href", page.url.rstrip("/") + "/galleries/")
    link.click()
    expect(page.locator("main h1")).to_have_text("Galleries")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_header_axe_and_screenshots(open_page, axe_script, screenshots, width, scheme):
    for name, path in (("home", "/"), ("article", ARTICLE)):
        page = open_page(path, width, scheme)
        if width < 1024:  # the open menu too
            page.locator("summary.site-menu__button").click()
            expect(page.locator(".site-nav")).to_be_visible()
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        assert result["violations"] == [], [
            (v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
        ]
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        if name == "home":
            page.screenshot(
                path=str(screenshots / f"header-{width}-{scheme}.png"),
                clip={"x": 0, "y": 0, "width": width, "height": 480},
            )
