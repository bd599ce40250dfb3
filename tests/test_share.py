"""Share links: exact URLs and encoding as tables, then the row on real builds."""

from urllib.parse import parse_qs, unquote, urlsplit

import jinja2
import pytest

from plugins.share import links
from plugins.share.settings import DEFAULTS, SettingsError, configure

URL = "https://blog.example.test/posts/ranges/"
S2F = DEFAULTS["SHARE_MASTODON_URL"]


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("Bookings as ranges", "Bookings%20as%20ranges"),
        ("Tom & Jerry", "Tom%20%26%20Jerry"),
        ("50% off? #yes", "50%25%20off%3F%20%23yes"),
        ("a+b=c", "a%2Bb%3Dc"),
        ("Ça marche — enfin", "%C3%87a%20marche%20%E2%80%94%20enfin"),
        ('"quoted" <b>', "%22quoted%22%20%3Cb%3E"),
        (URL, "https%3A%2F%2Fblog.example.test%2Fposts%2Franges%2F"),
    ],
)
def test_encode_is_percent_encoding_with_spaces_as_20(value, encoded):
    assert links.encode(value) == encoded
    assert unquote(encoded) == value


TITLE = "Tom & Jerry: 100% ranges?"
ETITLE = "Tom%20%26%20Jerry%3A%20100%25%20ranges%3F"
EURL = "https%3A%2F%2Fblog.example.test%2Fposts%2Franges%2F"


@pytest.mark.parametrize(
    ("service", "expected"),
    [
        ("mastodon", f"https://s2f.kytta.dev/?text={ETITLE}%20{EURL}"),
        ("bluesky", f"https://bsky.app/intent/compose?text={ETITLE}%20{EURL}"),
        ("linkedin", f"https://www.linkedin.com/sharing/share-offsite/?url={EURL}"),
        ("email", f"mailto:?subject={ETITLE}&body={EURL}"),
        ("copy", URL),
    ],
)
def test_exact_share_urls(service, expected):
    (link,) = links.share_links(TITLE, URL, (service,), S2F)
    assert link.service == service
    assert link.url == expected
    assert "utm_" not in link.url


def test_encoded_text_decodes_back_to_title_and_url():
    (link,) = links.share_links(TITLE, URL, ("bluesky",), S2F)
    assert parse_qs(urlsplit(link.url).query) == {"text": [f"{TITLE} {URL}"]}


def test_a_self_hosted_share_page():
    (link,) = links.share_links("Hi", URL, ("mastodon",), "https://share.example.test/#{text}")
    assert link.url == f"https://share.example.test/#Hi%20{EURL}"


def test_order_follows_the_setting():
    row = links.share_links("Hi", URL, ("email", "bluesky"), S2F)
    assert [x.service for x in row] == ["email", "bluesky"]


def test_a_posts_row_keeps_its_title_and_url_and_makes_the_links_when_read():
    services = ("mastodon", "email", "copy")
    row = links.ShareRow("Tom & Jerry", URL, services, S2F)
    made = links.share_links("Tom & Jerry", URL, services, S2F)
    assert list(row) == made and row == made and len(row) == 3 and row[1] == made[1]
    # what every post holds until the end of the build: no URL made ahead
    assert not hasattr(row, "__dict__")
    assert [v for v in (getattr(row, s) for s in row.__slots__) if isinstance(v, str)] == [
        S2F,
        "Tom & Jerry",
        URL,
    ]


def test_a_row_is_made_once_when_a_template_reads_it():
    # row[0] then row[1] made the row twice, and once more for a loop over it
    row = links.ShareRow("Tom & Jerry", URL, ("mastodon", "email", "copy"), S2F)
    assert [v for v in (getattr(row, s) for s in row.__slots__) if isinstance(v, list)] == []
    page = jinja2.Environment(autoescape=True).from_string(
        "{{ row|length }} {{ row[0].url }} {{ row[1].service }}"
        "{% for link in row %} {{ link.service }}={{ link.url }}"
        " {{ link is sameas row[loop.index0] }}{% endfor %} {{ row[-1] is sameas row[2] }}"
    )
    made = links.share_links("Tom & Jerry", URL, ("mastodon", "email", "copy"), S2F)
    # the same page as from a list, whose items are the same objects at every read
    assert page.render(row=row) == page.render(row=made)
    assert "False" not in page.render(row=made)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"SHARE_SERVICE": ("email",)},
            "unknown setting SHARE_SERVICE (did you mean SHARE_SERVICES?)",
        ),
        ({"SHARE_SERVICES": ("mastadon",)}, "unknown service 'mastadon'"),
        ({"SHARE_SERVICES": ("mastadon",)}, "did you mean 'mastodon'?"),
        ({"SHARE_SERVICES": "email"}, "SHARE_SERVICES must be a list of names"),
        ({"SHARE_MASTODON_URL": "http://s2f.example/?text={text}"}, "must be an https URL"),
        ({"SHARE_MASTODON_URL": "https://s2f.example/"}, "must contain {text}"),
    ],
)
def test_settings_errors(settings, message):
    with pytest.raises(SettingsError) as error:
        configure(settings)
    assert message in str(error.value)


def test_default_settings():
    assert configure({})["SHARE_SERVICES"] == ("mastodon", "bluesky", "linkedin", "email", "copy")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import _builder

    post = "Title: Tom & Jerry: 100% ranges?\nDate: 2024-07-01\nSlug: tom-and-jerry\n\nHello.\n"
    return _builder(tmp_path_factory.mktemp("share"))({"posts/tom.md": post})


def test_row_on_an_article(site):
    row = site.soup("posts/tom-and-jerry/").select_one("section.share-links")
    url = f"{site.siteurl}/posts/tom-and-jerry/"
    hrefs = {a["data-share-service"]: a["href"] for a in row.select("a[data-share-service]")}
    assert hrefs == {
        "mastodon": f"https://s2f.kytta.dev/?text={ETITLE}%20{links.encode(url)}",
        "bluesky": f"https://bsky.app/intent/compose?text={ETITLE}%20{links.encode(url)}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={links.encode(url)}",
        "email": f"mailto:?subject={ETITLE}&body={links.encode(url)}",
    }
    labels = [a.get_text(strip=True) for a in row.select("a[data-share-service]")]
    assert labels == ["Mastodon", "Bluesky", "LinkedIn", "Email"]
    assert row["aria-labelledby"] == "share-links-title"
    assert row.select_one("#share-links-title").get_text(strip=True) == "Share this post"


def test_copy_link_degrades_to_the_plain_url(site):
    row = site.soup("posts/tom-and-jerry/").select_one("section.share-links")
    url = f"{site.siteurl}/posts/tom-and-jerry/"
    plain = row.select_one("a[data-share-url]")
    assert plain["href"] == url and plain.get_text(strip=True) == url
    button = row.select_one("button[data-share-copy]")
    assert button.has_attr("hidden") and button["type"] == "button"
    status = row.select_one("[data-share-status]")
    assert status["role"] == "status" and status["aria-live"] == "polite"


def test_no_script_and_no_tracking_in_the_row(site):
    soup = site.soup("posts/tom-and-jerry/")
    row = soup.select_one("section.share-links")
    assert not row.select("script, iframe, img")
    for tag in row.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")]
    for tag in soup.select("[href], [src]"):
        assert "utm_" not in (tag.get("href") or tag.get("src"))
    assert "utm_" not in site.text("feeds/all.atom.xml")


def test_drafts_have_no_share_row(site):
    assert site.soup("drafts/posts/unfinished-thoughts/").select_one("section.share-links") is None


def test_services_setting_on_a_build(build_site):
    site = build_site(SHARE_SERVICES=["bluesky"])
    row = site.soup("posts/ranges/").select_one("section.share-links")
    assert [a["data-share-service"] for a in row.select("a[data-share-service]")] == ["bluesky"]
    assert row.select_one("[data-share-copy]") is None


def test_a_share_typo_stops_the_build(build_site):
    with pytest.raises(SystemExit) as stop:
        build_site(SHARE_SERVICES=["blusky"])
    assert "did you mean 'bluesky'?" in str(stop.value)
