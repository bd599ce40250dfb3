"""Every word a reader sees on a French page is French, or marked as another language."""

import re

import pytest

FRENCH_POST = "/fr/posts/the-volunteers-who-translate-tessellate/"

# Words that are English and never French; a text containing one is English.
_WORDS = """the and of to is are was with for by this that no yet posts post comments read copy
    copied link share search home team feed more next previous series updated
    anonymous reply submit preview edit delete written about show older newer skip close
    tags categories subscribe newsletter email your name website people who what when
    there here were have has"""
ENGLISH = set(_WORDS.split())
# Names that stay as they are in any language.
ALLOWED = {"The Tessellate Blog", "Tessellate", "GitHub", "Mastodon", "JavaScript"}

# Every text node and every text-bearing attribute a reader (or a screen reader) meets, with
# the language it is declared in (the nearest lang attribute).
COLLECT = """() => {
  const out = [];
  const langOf = el => (el.closest('[lang]') || document.documentElement).getAttribute('lang');
  const skip = el => el.closest('script, style, code, pre, [hidden], noscript, template');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    const text = node.textContent.trim();
    if (text && !skip(el)) out.push([text, langOf(el), el.tagName]);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
    if (el.closest('head') || skip(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name);
      if (value) out.push([value, langOf(el), el.tagName + '@' + name]);
    }
  }
  out.push([document.title, document.documentElement.lang, 'title']);
  return out;
}"""


def english_texts(found: list[list[str]]) -> list[tuple[str, str]]:
    """The texts declared French (or undeclared) that read as English."""
    bad = []
    for text, lang, where in found:
        if not (lang or "").startswith("fr"):
            continue
        rest = text
        for name in sorted(ALLOWED, key=len, reverse=True):
            rest = rest.replace(name, "")
        if rest.startswith(("http://", "https://")):
            continue  # a URL shown as a link
        words = set(re.findall(r"[a-z]+", rest.lower()))
        if words & ENGLISH:
            bad.append((where, text[:80]))
    return bad


@pytest.mark.parametrize("width", [375, 1280])
def test_no_english_on_a_french_page(browser, served_site, screenshots, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(served_site.siteurl + FRENCH_POST)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.lang") == "fr"
        found = page.evaluate(COLLECT)
        assert len(found) > 50  # the page was read, not an empty shell
        assert english_texts(found) == []
        page.screenshot(path=str(screenshots / f"french-post-{width}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize(
    ("text", "lang", "english"),
    [
        ("Aller au contenu", "fr", False),
        ("Skip to content", "fr", True),
        ("Skip to content", "en", False),  # marked as English: fine
        ("The Tessellate Blog", "fr", False),
        ("Comment ça marche", "fr", False),
        ("No comments yet", "fr", True),
        ("https://example.org/the/page/", "fr", False),
    ],
)
def test_the_english_detector(text, lang, english):
    assert bool(english_texts([[text, lang, "p"]])) is english
