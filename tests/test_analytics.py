"""Analytics: each provider's script tag as a table; present only in publish builds, only for
the chosen provider, never in development builds or `invoke preview` / `invoke check` copies."""

import shutil

import pytest

import tasks
from plugins.analytics import providers
from plugins.analytics.settings import configure
from tests.conftest import FIXTURES

GOAT = {"ANALYTICS_GOATCOUNTER_ENDPOINT": "https://tessellate.goatcounter.com/count"}
PLAUSIBLE = {"ANALYTICS_PLAUSIBLE_DOMAIN": "blog.example.test"}
UMAMI = {"ANALYTICS_UMAMI_WEBSITE_ID": "94db1cb1-74f4-4a40-ad6c-962362670409"}


@pytest.mark.parametrize(
    ("provider", "options", "src", "attrs", "loading", "csp"),
    [
        (
            "goatcounter",
            GOAT,
            "https://gc.zgo.at/count.js",
            {"data-goatcounter": "https://tessellate.goatcounter.com/count"},
            "async",
            {
                "script-src": ("https://gc.zgo.at",),
                "connect-src": ("https://tessellate.goatcounter.com",),
                "img-src": ("https://tessellate.goatcounter.com",),
            },
        ),
        (
            "plausible",
            PLAUSIBLE,
            "https://plausible.io/js/script.js",
            {"data-domain": "blog.example.test"},
            "defer",
            {"script-src": ("https://plausible.io",), "connect-src": ("https://plausible.io",)},
        ),
        (
            "plausible",
            {**PLAUSIBLE, "ANALYTICS_PLAUSIBLE_SCRIPT": "https://stats.example.test/js/script.js"},
            "https://stats.example.test/js/script.js",
            {"data-domain": "blog.example.test"},
            "defer",
            {
                "script-src": ("https://stats.example.test",),
                "connect-src": ("https://stats.example.test",),
            },
        ),
        (
            "umami",
            UMAMI,
            "https://cloud.umami.is/script.js",
            {"data-website-id": "94db1cb1-74f4-4a40-ad6c-962362670409"},
            "defer",
            {"script-src": ("https://cloud.umami.is",), "connect-src": ("https://cloud.umami.is",)},
        ),
    ],
)
def test_snippet_per_provider(provider, options, src, attrs, loading, csp):
    merged = configure({"ANALYTICS_PROVIDER": provider, "ANALYTICS_ENABLED": True, **options})
    snippet = merged["ANALYTICS_SNIPPET"]
    assert (snippet.provider, snippet.src, snippet.attrs) == (provider, src, attrs)
    assert snippet.loading == loading
    assert snippet.csp == csp


@pytest.mark.parametrize("provider", ["goatcounter", "plausible", "umami", "none"])
def test_nothing_loads_unless_enabled(provider):
    options = {**GOAT, **PLAUSIBLE, **UMAMI}
    assert configure({"ANALYTICS_PROVIDER": provider, **options})["ANALYTICS_SNIPPET"] is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"ANALYTICS_PROVIDER": "plausable"}, "got 'plausable' (did you mean 'plausible'?)"),
        ({"ANALYTICS_PROVIDER": "plausible"}, "ANALYTICS_PLAUSIBLE_DOMAIN is required"),
        ({"ANALYTICS_PROVIDER": "goatcounter"}, "ANALYTICS_GOATCOUNTER_ENDPOINT is required"),
        ({"ANALYTICS_PROVIDER": "umami"}, "ANALYTICS_UMAMI_WEBSITE_ID is required"),
        (
            {"ANALYTICS_PROVIDER": "goatcounter", "ANALYTICS_GOATCOUNTER_ENDPOINT": "http://x.y/c"},
            "ANALYTICS_GOATCOUNTER_ENDPOINT must be an https URL",
        ),
        (
            {"ANALYTICS_PROVIDER": "plausible", "ANALYTICS_PLAUSIBLE_DOMAIN": "https://b.test/"},
            "must be a bare domain",
        ),
        (
            {"ANALYTICS_PROVIDER": "umami", "ANALYTICS_UMAMI_WEBSITE_ID": 'x" onload="y'},
            "must be letters, digits, - or _",
        ),
        ({"ANALYTICS_PROVIDR": "umami"}, "did you mean ANALYTICS_PROVIDER?"),
        ({"ANALYTICS_PLAUSIBLE_DOMIAN": "b.test"}, "did you mean ANALYTICS_PLAUSIBLE_DOMAIN?"),
        ({"ANALYTICS_ENABLED": "yes"}, "ANALYTICS_ENABLED must be True or False"),
    ],
)
def test_settings_errors(settings, message):
    with pytest.raises(providers.OptionError) as error:
        configure(settings)
    assert message in str(error.value)


def scripts(site, path="posts/ranges/"):
    return [s for s in site.soup(path).select("script[src]") if "/theme/js/" not in s["src"]]


@pytest.mark.parametrize(
    ("provider", "options", "attr"),
    [
        ("goatcounter", GOAT, "data-goatcounter"),
        ("plausible", PLAUSIBLE, "data-domain"),
        ("umami", UMAMI, "data-website-id"),
    ],
)
def test_publish_builds_load_only_the_chosen_provider(build_site, provider, options, attr):
    site = build_site(publish=True, ANALYTICS_PROVIDER=provider, **options)
    for path in ("/", "posts/ranges/", "about/", "404.html"):
        (script,) = scripts(site, path)
        assert script.has_attr(attr)
        assert script.has_attr("async") or script.has_attr("defer")
        others = {"data-goatcounter", "data-domain", "data-website-id"} - {attr}
        assert not others & set(script.attrs)
        assert script.string in (None, "")  # external only: no inline code


def test_development_builds_never_load_it(build_site):
    site = build_site(ANALYTICS_PROVIDER="plausible", **PLAUSIBLE)
    assert scripts(site) == [] and scripts(site, "/") == []


def test_publish_without_a_provider_loads_nothing(published_site):
    assert scripts(published_site) == []
    for script in published_site.soup("/").select("script"):
        assert script.get("src") or script.get("type") == "application/ld+json"


def _cli_publish(tmp_path, extra) -> list:
    """A publish build through the same command line `invoke preview` uses."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    out = tmp_path / "out"
    assert tasks.atomic_build(tasks.PUBLISH_CONF, out, content, extra=extra) == 0
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((out / "posts/ranges/index.html").read_text(), "html.parser")
    return [s for s in soup.select("script[src]") if "/theme/js/" not in s["src"]]


def test_preview_and_check_builds_turn_it_off(tmp_path):
    provider = ['ANALYTICS_PROVIDER="umami"', 'ANALYTICS_UMAMI_WEBSITE_ID="abc-123"']
    # the control: the same command line without the override does load it
    assert len(_cli_publish(tmp_path / "a", ["-e", *provider])) == 1
    assert tasks.LOCAL_COPY[0] == "-e"
    assert _cli_publish(tmp_path / "b", [*tasks.LOCAL_COPY, *provider]) == []
