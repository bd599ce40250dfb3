"""Comments that belong to the site: Isso's form and thread in the theme's tokens, real labels,
our words in the page's language, dates as the site writes them. A real Isso on loopback, a
fixture site with an English and a French post, a real Chromium, light and dark."""

import re
from datetime import UTC, datetime

import pytest
from babel.dates import format_date
from playwright.sync_api import Page, expect

from plugins.comments import local_isso
from tests.browser.serving import free_port, isso_comment, serve_folder
from tests.conftest import _builder
from tests.test_comments_site import POSTS

FILES = {
    **POSTS,
    "posts/fil-ferme.md": "Title: Fil fermé\nDate: 2024-07-04\nLang: fr\nComments: closed\n\n"
    "De vieilles nouvelles.\n",
    "posts/fil-ouvert.md": "Title: Fil ouvert\nDate: 2024-07-05\nLang: fr\n\nÀ vous.\n",
}
SIZES = {"375": (375, 900), "1280": (1280, 900)}


class _Site:
    def __init__(self, url: str, isso: str, created: dict[str, float]):
        self.url, self.isso, self.created = url, isso, created


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Isso with a fresh database; the fixture site served under a strict CSP (no inline style
    either: with its own stylesheet and identicons off, Isso needs none). A second build turns
    votes on (COMMENTS_ISSO_VOTE), served at site.votes."""
    base = tmp_path_factory.mktemp("isso-design")
    isso_port, site_port, votes_port = free_port(), free_port(), free_port()
    isso = f"http://127.0.0.1:{isso_port}"
    origin, votes = f"http://127.0.0.1:{site_port}", f"http://127.0.0.1:{votes_port}"
    config = local_isso.write_config(base / "isso", isso_port, [origin, votes])
    process = local_isso.start(config, isso_port)
    csp = (
        f"default-src 'self'; script-src 'self' {isso}; connect-src 'self' {isso}; "
        f"style-src 'self'; img-src 'self' data:"
    )
    servers = []
    # Isso is stopped whatever fails from here on: a build's error left it running
    try:
        build = _builder(base)
        for url, port, extra in (
            (origin, site_port, {}),
            (votes, votes_port, {"COMMENTS_ISSO_VOTE": True}),
        ):
            built = build(FILES, siteurl=url, COMMENTS_ISSO_URL=isso, **extra)
            servers.append(serve_folder(built.output, port, [("Content-Security-Policy", csp)]))
        parent = isso_comment(
            isso, origin, "ranges", text="Ranges made our rota simple.", author="Ada"
        )
        isso_comment(
            isso,
            origin,
            "ranges",
            text="Same here, thanks for writing it up.",
            author="Bo",
            parent=parent["id"],
        )
        en = isso_comment(
            isso, origin, "closed", text="Seen before closing.", author="Early reader"
        )
        fr = isso_comment(isso, origin, "fil-ferme", text="Vu avant la fermeture.")  # no author
        found = _Site(origin, isso, {"en": en["created"], "fr": fr["created"]})
        found.votes = votes
        yield found
    finally:
        for server in servers:
            server.shutdown()
        local_isso.stop(process)


@pytest.fixture
def open_page(browser, site):
    """A page in a given scheme and width, the thread loaded; CSP violations collected."""
    contexts = []

    def opener(
        path: str, scheme: str = "light", width: str = "1280", axe: bool = False, url: str = ""
    ) -> Page:
        w, h = SIZES[width]
        context = browser.new_context(
            color_scheme=scheme,
            viewport={"width": w, "height": h},
            timezone_id="UTC",
            bypass_csp=axe,  # axe is injected as an inline script
        )
        contexts.append(context)
        page = context.new_page()
        page.csp = []
        page.on(
            "console",
            lambda m: page.csp.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.goto((url or site.url) + path)
        page.locator("#comments").scroll_into_view_if_needed()
        return page

    yield opener
    for context in contexts:
        context.close()


def _rgb(text: str) -> tuple[float, ...]:
    return tuple(float(n) for n in re.findall(r"[\d.]+", text)[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def token(page: Page, name: str, prop: str = "color") -> str:
    """A token's value as the browser computes it (rgb(...)), read from the page's own CSS."""
    return page.evaluate(
        """([name, prop]) => {
            const probe = document.createElement("span");
            probe.style.setProperty(prop, `var(${name})`);
            document.body.append(probe);
            const value = getComputedStyle(probe).getPropertyValue(prop);
            probe.remove();
            return value;
        }""",
        [name, prop],
    )


def style(locator, prop: str) -> str:
    return locator.evaluate("(el, prop) => getComputedStyle(el).getPropertyValue(prop)", prop)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_form_wears_the_theme_tokens_with_aa_contrast(open_page, scheme):
    page = open_page("/posts/ranges/", scheme)
    textarea = page.locator("#comments .isso-postbox .isso-textarea").first
    expect(textarea).to_be_visible()
    surface, text = token(page, "--c-surface", "background-color"), token(page, "--c-text")
    accent = token(page, "--c-accent")
    author = page.locator("#comments input[name=author]").first
    submit = page.locator("#comments input[type=submit]").first
    preview = page.locator("#comments input[name=preview]").first
    for field in (textarea, author):
        assert style(field, "background-color") == surface
        assert style(field, "color") == text
        assert contrast(style(field, "color"), style(field, "background-color")) >= 4.5
        placeholder = field.evaluate(
            "el => getComputedStyle(el, '::placeholder').getPropertyValue('color')"
        )
        assert contrast(placeholder, surface) >= 4.5
    assert style(submit, "background-color") == accent
    assert contrast(style(submit, "color"), style(submit, "background-color")) >= 4.5
    assert style(preview, "color") == accent
    assert contrast(style(preview, "color"), style(preview, "background-color")) >= 4.5
    page_bg = token(page, "--c-bg", "background-color")
    reply = page.locator("#comments a.isso-reply").first
    assert style(reply, "color") == accent
    assert contrast(style(reply, "color"), page_bg) >= 4.5
    stamp = page.locator("#comments .isso-permalink").first
    assert contrast(style(stamp, "color"), page_bg) >= 4.5
    # focus is visible: the theme's ring, in its focus colour
    textarea.focus()
    assert style(textarea, "outline-style") == "solid"
    assert style(textarea, "outline-color") == token(page, "--c-focus")
    assert float(style(textarea, "outline-width").removesuffix("px")) >= 2
    assert page.csp == []


def test_every_field_has_a_real_label(open_page):
    page = open_page("/posts/ranges/")
    form = page.locator("#comments .isso-postbox").first
    expect(form.locator(".isso-textarea")).to_be_visible()
    for name, selector in (
        ("Your comment", "textarea.isso-textarea"),
        ("Name (optional)", "input[name=author]"),
        ("Email (optional)", "input[name=email]"),
        ("Website (optional)", "input[name=website]"),
    ):
        field = form.get_by_label(name, exact=True)
        expect(field).to_have_count(1)
        assert field.evaluate("(el, s) => el.matches(s)", selector)
        # a <label> element, not an aria-label or a placeholder
        assert field.evaluate("el => el.labels.length") == 1
    # a reply opens a second form: its fields are labelled too, and every id stays unique
    page.locator("#comments a.isso-reply").first.click()
    expect(page.locator("#comments .isso-postbox")).to_have_count(2)
    expect(page.get_by_label("Your comment", exact=True)).to_have_count(2)
    expect(page.get_by_label("Name (optional)", exact=True)).to_have_count(2)
    reply_box = page.locator("#comments .isso-comment .isso-postbox .isso-textarea")
    expect(reply_box).to_be_focused()
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))


def test_editing_ones_own_comment_keeps_a_label_and_a_reachable_cancel(open_page):
    page = open_page("/posts/garden-party/")
    form = page.locator("#comments .isso-postbox").first
    form.get_by_label("Your comment", exact=True).fill("Lovely afternoon, see you next year.")
    form.get_by_label("Name (optional)", exact=True).fill("Cleo")
    form.locator("input[type=submit]").click()
    written = page.locator("#comments .isso-comment", has_text="Lovely afternoon")
    expect(written).to_be_visible()
    mine = page.locator("#" + written.get_attribute("id"))  # its text turns into a textarea
    mine.locator("a.isso-edit").click()
    editing = mine.get_by_label("Your comment", exact=True)
    expect(editing).to_have_value("Lovely afternoon, see you next year.")
    cancel = mine.locator("a.isso-cancel")
    assert cancel.get_attribute("href") == "#"  # a link the keyboard reaches
    cancel.focus()
    page.keyboard.press("Enter")
    expect(mine.locator("textarea")).to_have_count(0)
    expect(mine.locator("label")).to_have_count(0)  # the edit's label went with it
    assert page.evaluate("() => location.hash") == ""
    # separators are not read out
    assert all(s.get_attribute("aria-hidden") == "true" for s in mine.locator(".isso-spacer").all())


def test_a_reply_sits_under_its_parent_along_a_rail(open_page):
    page = open_page("/posts/ranges/", width="375")
    parent = page.locator("#comments .isso-comment", has_text="rota simple").first
    reply = parent.locator(".isso-follow-up .isso-comment", has_text="Same here")
    expect(reply).to_be_visible()
    rail = parent.locator(".isso-follow-up").first
    assert float(style(rail, "border-left-width").removesuffix("px")) >= 2
    assert style(rail, "border-left-style") == "solid"
    assert contrast(style(rail, "border-left-color"), token(page, "--c-bg")) >= 1.5
    indent = reply.bounding_box()["x"] - parent.bounding_box()["x"]
    assert indent >= 12
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375


def test_an_empty_thread_speaks_our_words(open_page):
    page = open_page("/posts/first-light/")
    heading = page.locator("#comments .isso-thread-heading")
    expect(heading).to_have_text("No comments yet. Start the conversation.")
    expect(page.locator("#comments input[type=submit]")).to_have_value("Post comment")
    # under the section's h2, as a level-3 heading for assistive technology
    assert heading.get_attribute("aria-level") == "3"


def test_a_french_page_runs_isso_in_french_with_our_strings(open_page):
    page = open_page("/fr/posts/fil-ouvert/")
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.locator("#comments .isso-thread-heading")).to_be_visible()
    script = page.locator("#comments script[data-isso]")
    assert script.get_attribute("data-isso-lang") == "fr"
    # our strings reach Isso under the language it runs in: they win over Isso's own French
    # ("Aucun commentaire pour l’instant"); the catalog makes them French (they pass through
    # _(): tests/test_comments_strings.py)
    assert script.get_attribute("data-isso-no-comments-text-fr")
    expect(page.locator("#comments .isso-thread-heading")).to_have_text(
        script.get_attribute("data-isso-no-comments-text-fr")
    )
    expect(page.locator("#comments .isso-thread-heading")).to_have_text(
        "Pas encore de commentaire. Lancez la conversation."
    )
    expect(page.locator("#comments input[type=submit]")).to_have_value("Publier le commentaire")
    expect(page.get_by_label("Votre commentaire")).to_be_visible()


def test_vote_arrows_have_names(open_page, site):
    page = open_page("/posts/ranges/", url=site.votes)
    expect(page.get_by_role("link", name="Vote for this comment")).to_have_count(2)
    expect(page.get_by_role("link", name="Vote against this comment")).to_have_count(2)


@pytest.mark.parametrize(
    ("path", "lang", "locale", "author"),
    [
        ("/posts/closed/", "en", "en_GB", "Early reader"),
        ("/fr/posts/fil-ferme/", "fr", "fr", "Anonyme"),
    ],
)
def test_closed_thread_dates_follow_the_page(open_page, site, path, lang, locale, author):
    page = open_page(path)
    stamp = page.locator("#comments .comments__list time")
    expect(stamp).to_have_count(1)
    created = datetime.fromtimestamp(site.created[lang], UTC)
    expected = format_date(created, format="long", locale=locale)  # as the build writes dates
    expect(stamp).to_have_text(expected)
    expect(page.locator("#comments .comments__author")).to_have_text(author)
    if lang == "en":  # day month year, as on the rest of the site
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", stamp.inner_text())
    else:
        month = format_date(created, "MMMM", locale="fr")
        assert month in stamp.inner_text()


@pytest.mark.parametrize(("scheme", "votes"), [("light", False), ("dark", False), ("dark", True)])
def test_axe_finds_nothing_with_the_form_loaded(open_page, site, axe_script, scheme, votes):
    page = open_page("/posts/ranges/", scheme, axe=True, url=site.votes if votes else "")
    reply = page.locator("#comments .isso-follow-up .isso-comment", has_text="Same here")
    expect(reply).to_be_visible()
    page.locator("#comments a.isso-reply").first.click()  # a reply form open too
    expect(page.locator("#comments .isso-postbox")).to_have_count(2)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
    )
    found = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert found == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(SIZES))
def test_screenshots(open_page, site, screenshots, scheme, width):
    page = open_page("/posts/ranges/", scheme, width)
    expect(
        page.locator("#comments .isso-follow-up .isso-comment", has_text="Same here")
    ).to_be_visible()
    page.locator("#comments").screenshot(path=screenshots / f"comments-{width}-{scheme}.png")
    if width == "375":
        votes = open_page("/posts/ranges/", scheme, width, url=site.votes)
        expect(votes.locator("#comments .isso-upvote")).to_have_count(2)
        votes.locator("#comments").screenshot(path=screenshots / f"comments-votes-375-{scheme}.png")
    page.locator("#comments a.isso-reply").last.click()
    page.locator("#comments .isso-comment .isso-textarea").fill("Me too.")
    page.locator("#comments .isso-comment input[name=preview]").click()
    expect(page.locator("#comments .isso-comment .isso-preview")).to_be_visible()
    page.locator("#comments").screenshot(path=screenshots / f"comments-reply-{width}-{scheme}.png")
    closed = open_page("/posts/closed/", scheme, width)
    expect(closed.locator("#comments .comments__list")).to_be_visible()
    closed.locator("#comments").screenshot(
        path=screenshots / f"comments-closed-{width}-{scheme}.png"
    )
