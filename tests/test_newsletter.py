"""Newsletter sign-up: settings as tables, then the form on real builds (labelled, posts to
the configured endpoint, works without JavaScript, off when not configured)."""

import pytest

from plugins.newsletter.form import Form, FormError
from plugins.newsletter.settings import configure

ACTION = "https://buttondown.example.test/api/emails/embed-subscribe/tessellate"
ON = {"NEWSLETTER_ACTION": ACTION, "NEWSLETTER_PRIVACY_URL": "privacy/"}
PRIVACY_PAGE = "Title: Privacy\nSlug: privacy\n\nWhat the newsletter keeps: your address.\n"


def test_off_by_default():
    assert configure({})["NEWSLETTER"] is None


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (ON, Form(ACTION, "email", (), "privacy/", True, True, True, "")),
        (
            {**ON, "NEWSLETTER_PRIVACY_URL": "/privacy/", "NEWSLETTER_HIDDEN_FIELDS": {"embed": 1}},
            Form(ACTION, "email", (("embed", "1"),), "privacy/", True, True, True, ""),
        ),
        (
            {
                "NEWSLETTER_ACTION": "https://lists.example.test/subscription/form",
                "NEWSLETTER_EMAIL_FIELD": "email",
                "NEWSLETTER_HIDDEN_FIELDS": {"l": "f2b1a3c4-0000-4000-8000-000000000001"},
                "NEWSLETTER_PRIVACY_URL": "https://example.test/privacy",
                "NEWSLETTER_IN_FOOTER": False,
                "NEWSLETTER_NAME": "Tessellate notes",
            },
            Form(
                "https://lists.example.test/subscription/form",
                "email",
                (("l", "f2b1a3c4-0000-4000-8000-000000000001"),),
                "https://example.test/privacy",
                False,
                True,
                False,
                "Tessellate notes",
            ),
        ),
    ],
)
def test_forms_from_settings(settings, expected):
    assert configure(settings)["NEWSLETTER"] == expected


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"NEWSLETTER_ACTON": ACTION},
            "unknown setting NEWSLETTER_ACTON (did you mean NEWSLETTER_ACTION?)",
        ),
        ({"NEWSLETTER_ACTION": ACTION}, "NEWSLETTER_PRIVACY_URL is required"),
        ({**ON, "NEWSLETTER_ACTION": "buttondown.com/x"}, "NEWSLETTER_ACTION must be an http(s)"),
        ({**ON, "NEWSLETTER_ACTION": "javascript:alert(1)"}, "must be an http(s) URL"),
        ({**ON, "NEWSLETTER_EMAIL_FIELD": 'email" onfocus="x'}, "must be a form field name"),
        ({**ON, "NEWSLETTER_HIDDEN_FIELDS": [("l", "x")]}, "must be a dict"),
        ({**ON, "NEWSLETTER_HIDDEN_FIELDS": {"l": None}}, "NEWSLETTER_HIDDEN_FIELDS['l']"),
        ({**ON, "NEWSLETTER_PRIVACY_URL": "//evil.test/"}, "must be a site path"),
        ({**ON, "NEWSLETTER_PRIVACY_URL": "ftp://x.test/p"}, "must be an http(s) URL"),
        ({**ON, "NEWSLETTER_IN_FOOTER": "no"}, "NEWSLETTER_IN_FOOTER must be True or False"),
        (
            {
                **ON,
                "NEWSLETTER_ACTION": "http://lists.example.test/f",
                "NEWSLETTER_HTTPS_ONLY": True,
            },
            "must use https in publish builds",
        ),
    ],
)
def test_settings_errors(settings, message):
    with pytest.raises(FormError) as error:
        configure(settings)
    assert message in str(error.value)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import _builder

    return _builder(tmp_path_factory.mktemp("newsletter"))(
        {"pages/privacy.md": PRIVACY_PAGE},
        NEWSLETTER_HIDDEN_FIELDS={"embed": "1"},
        **ON,
    )


def check_form(section, place, siteurl):
    form = section.select_one("form")
    assert form["action"] == ACTION
    assert form["method"] == "post"
    field = form.select_one("input[type=email]")
    assert field["name"] == "email"
    assert field["id"] == f"newsletter-{place}-email"
    assert field["autocomplete"] == "email"
    assert field.has_attr("required")
    label = form.select_one(f"label[for=newsletter-{place}-email]")
    assert label.get_text(strip=True) == "Email address"
    assert [(i["name"], i["value"]) for i in form.select("input[type=hidden]")] == [("embed", "1")]
    assert form.select_one("button[type=submit]").get_text(strip=True) == "Subscribe"
    assert form.select_one(".newsletter__privacy a")["href"] == f"{siteurl}/privacy/"
    assert section["aria-labelledby"] == f"newsletter-{place}-title"
    assert section.select_one(f"#newsletter-{place}-title")


def test_end_of_article_and_not_again_in_the_footer(site):
    soup = site.soup("posts/ranges/")
    (section,) = soup.select("section.newsletter")
    assert section.find_parent("article") is not None
    assert "newsletter--article" in section["class"]
    check_form(section, "article", site.siteurl)


@pytest.mark.parametrize("path", ["/", "about/", "tag/news/", "archives/"])
def test_footer_on_other_pages(site, path):
    soup = site.soup(path)
    (section,) = soup.select("section.newsletter")
    assert section.find_parent("footer") is not None
    check_form(section, "footer", site.siteurl)


def test_the_privacy_link_resolves(site):
    assert site.exists("privacy/")


def test_no_script_in_the_form(site):
    section = site.soup("posts/ranges/").select_one("section.newsletter")
    assert not section.select("script")
    for tag in section.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")]


def test_drafts_show_the_footer_form_only(site):
    soup = site.soup("drafts/posts/unfinished-thoughts/")
    assert [s.find_parent("footer") is not None for s in soup.select("section.newsletter")] == [
        True
    ]


def test_off_when_not_configured(dev_site):
    for path in ("/", "posts/ranges/"):
        # (the header's search box is the only form a page has without a newsletter)
        assert dev_site.soup(path).select("section.newsletter, form:not([role=search])") == []


def test_footer_only(build_site):
    site = build_site({"pages/privacy.md": PRIVACY_PAGE}, NEWSLETTER_IN_ARTICLES=False, **ON)
    (section,) = site.soup("posts/ranges/").select("section.newsletter")
    assert section.find_parent("footer") is not None


def test_a_missing_privacy_note_stops_the_build(build_site):
    with pytest.raises(SystemExit) as stop:
        build_site(NEWSLETTER_ACTION=ACTION)
    assert "Settings error: NEWSLETTER_PRIVACY_URL is required" in str(stop.value)


def test_a_typo_stops_the_build_with_a_suggestion(build_site):
    with pytest.raises(SystemExit) as stop:
        build_site(NEWSLETTER_ACTON=ACTION, NEWSLETTER_PRIVACY_URL="privacy/")
    assert "did you mean NEWSLETTER_ACTION?" in str(stop.value)


def test_every_reach_block_is_valid_html(build_site, tmp_path):
    """The Nu validator (the html gate's) on a post showing the share row, the newsletter
    and webmentions, and on a page with the footer form."""
    import json
    import shutil

    from plugins.webmentions import client
    from tests.conftest import FIXTURES, nu_errors

    entries = [
        e
        for name in ("page-0.json", "page-1.json")
        for e in json.loads((FIXTURES / "webmentions" / name).read_text())["children"]
    ]
    cache = tmp_path / "wm.json"
    client.save_cache(cache, client.Cache("blog.example.test", 1.0, entries))
    site = build_site(
        {"pages/privacy.md": PRIVACY_PAGE},
        NEWSLETTER_HIDDEN_FIELDS={"embed": "1"},
        WEBMENTIONS_DOMAIN="blog.example.test",
        WEBMENTIONS_CACHE=str(cache),
        WEBMENTIONS_FETCH=False,
        **ON,
    )
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, path in (
        ("post", "posts/ranges/"),
        ("mention", "posts/garden-party/"),
        ("home", "/"),
    ):
        shutil.copy(site.path(path), pages / f"{name}.html")
    soup = site.soup("posts/ranges/")
    assert soup.select_one("section.share-links") and soup.select_one("section.webmentions")
    assert site.soup("/").select_one("footer section.newsletter")
    assert nu_errors(pages) == []
