"""The lightbox's Previous/Next in Chromium, in both directions and three languages.

Its arrows were part of the theme's strings ("← Previous", "Next →"), so that on a right-to-left
page (a post with `Lang: ar`, no ar catalog) the buttons read "→ Next" and "Previous ←": both
arrows pointed inward. Now each arrow is a `.arrow` of its own, pointing the way the page reads,
and the English words on a page of another language are marked `lang="en"` (a screen reader
read them with an Arabic voice), as the theme's other English words are.
"""

from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.serving import serve_build

SIDECAR = (
    "Title: Harbour\nDate: 2025-04-01\nSummary: Boats.\n"
    "Photo: boat.jpg | A boat. | A red boat\n"
    "Photo: quay.jpg | The quay. | A grey quay\n"
)
# (title, the Lang: line, the text) of the same gallery's post in three languages
POSTS = {
    "en": ("At the harbour", "", "Boats."),
    "ar": ("في الميناء", "Lang: ar\n", "قوارب في الصباح."),
    "fr": ("Au port", "Lang: fr\n", "Des bateaux au matin."),
}
POST = "Title: {}\nDate: 2025-04-02\n{}Slug: harbour-{}\nCategory: Company\nAuthor: Ada Byrne\n"
POST += "Gallery: harbour\n\n{}\n"

# Each button's words, their marks, and which way its arrow points on screen: the glyph's own
# way times the sign of its horizontal scale (`.arrow:dir(rtl)` mirrors it); and where the arrow
# sits beside the words.
BUTTONS = """() => Object.fromEntries(['prev', 'next'].map(name => {
  const button = document.querySelector('.lightbox__' + name);
  const arrow = button.querySelector('.arrow');
  if (!arrow) return [name, {text: button.textContent.trim(), arrow: null}];
  const words = [...button.children].find(n => n !== arrow);
  const scale = new DOMMatrix(getComputedStyle(arrow).transform).a;
  const glyph = {'→': 1, '←': -1}[arrow.textContent.trim()];
  const a = arrow.getBoundingClientRect(), w = words.getBoundingClientRect();
  return [name, {text: words.textContent, lang: words.getAttribute('lang'),
    dir: words.getAttribute('dir'), hidden: arrow.getAttribute('aria-hidden'),
    points: glyph * Math.sign(scale) > 0 ? 'right' : 'left',
    side: a.left >= w.right ? 'right' : 'left', x: button.getBoundingClientRect().left}];
}))"""


def _photo(colour: str) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (300, 200), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {
        "galleries/harbour/gallery.md": SIDECAR,
        "galleries/harbour/boat.jpg": _photo("#a33"),
        "galleries/harbour/quay.jpg": _photo("#777"),
        **{
            f"posts/harbour-{lang}.md": POST.format(title, line, lang, text)
            for lang, (title, line, text) in POSTS.items()
        },
    }
    with serve_build(tmp_path_factory.mktemp("lightbox-dir"), files) as built:
        yield built


# (page, its words, their marks, the gallery title's marks, which way "next" points): ar has
# no catalog, so its words are English; the gallery is in English, the site's language
NONE = (None, None)
CASES = [
    ("en", ("Previous", "Next", "Close", "photo 1 of 2"), NONE, NONE, "right"),
    ("fr", ("Précédente", "Suivante", "Fermer", "photo 1 sur 2"), NONE, ("en", None), "right"),
    ("ar", ("Previous", "Next", "Close", "photo 1 of 2"), ("en", "ltr"), ("en", "ltr"), "left"),
]


@pytest.mark.parametrize(("lang", "words", "marks", "title_marks", "forward"), CASES)
def test_the_lightbox_arrows_point_the_way_the_page_reads(
    browser, site, screenshots, lang, words, marks, title_marks, forward
):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        folder = "" if lang == "en" else f"/{lang}"  # a post in another language than the site's
        page.goto(f"{site.siteurl}{folder}/posts/harbour-{lang}/")
        page.locator("section.gallery a.gallery__link").first.click()
        expect(page.locator("dialog.lightbox")).to_be_visible()
        page.screenshot(path=str(screenshots / f"lightbox-dir-{lang}-360.png"))
        buttons = page.evaluate(BUTTONS)
        prev, nxt = buttons["prev"], buttons["next"]
        back = "left" if forward == "right" else "right"
        # the words without an arrow of their own; the arrow hidden from screen readers
        assert (prev["text"], nxt["text"]) == words[:2]
        assert prev["hidden"] == nxt["hidden"] == "true"
        # "next" points the reading way, at the reading end of its button; "previous" back
        assert (nxt["points"], nxt["side"]) == (forward, forward)
        assert (prev["points"], prev["side"]) == (back, back)
        assert (nxt["x"] > prev["x"]) == (forward == "right")  # the buttons in reading order
        # English words on a page in another language are marked, as chrome_lang() marks them
        assert (prev["lang"], prev["dir"]) == (nxt["lang"], nxt["dir"]) == marks
        close = page.locator(".lightbox__close")
        expect(close).to_have_text(words[2])
        assert (close.get_attribute("lang"), close.get_attribute("dir")) == marks
        position = page.locator(".lightbox__position")
        expect(position).to_have_text(words[3])
        assert (position.get_attribute("lang"), position.get_attribute("dir")) == marks
        # the gallery's title keeps the gallery's language (English, the site's)
        title = page.locator(".lightbox__name")
        expect(title).to_have_text("Harbour")
        assert (title.get_attribute("lang"), title.get_attribute("dir")) == title_marks
        # the arrow key that points on goes on
        page.keyboard.press("ArrowRight" if forward == "right" else "ArrowLeft")
        expect(position).to_have_text(words[3].replace("1", "2", 1))
    finally:
        context.close()
