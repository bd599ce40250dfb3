"""Unit tests of the comments providers and settings: embeds from settings, clear errors."""

import pytest

from plugins.comments import model
from plugins.comments.providers import PROVIDERS
from plugins.comments.settings import configure

THREAD = model.Thread(
    id="how-we-hire", url="https://b.test/posts/how-we-hire/", title="How we hire", state="open"
)

VALID = {
    "isso": {"COMMENTS_ISSO_URL": "https://comments.b.test/"},
    "giscus": {
        "COMMENTS_GISCUS_REPO": "tessellate/blog",
        "COMMENTS_GISCUS_REPO_ID": "R_kgDOabc",
        "COMMENTS_GISCUS_CATEGORY": "Comments",
        "COMMENTS_GISCUS_CATEGORY_ID": "DIC_kwDOxyz",
    },
    "utterances": {"COMMENTS_UTTERANCES_REPO": "tessellate/blog"},
    "remark42": {
        "COMMENTS_REMARK42_HOST": "https://remark.b.test",
        "COMMENTS_REMARK42_SITE_ID": "blog",
    },
    "disqus": {"COMMENTS_DISQUS_SHORTNAME": "tessellate"},
}


def embed_for(provider: str, **extra):
    settings = configure({"COMMENTS_PROVIDER": provider, **VALID[provider], **extra})
    return settings, PROVIDERS[provider].embed(settings["COMMENTS_OPTIONS"], THREAD)


@pytest.mark.parametrize(
    ("provider", "script", "load"),
    [
        ("isso", "https://comments.b.test/js/embed.min.js", "scroll"),
        ("giscus", "https://giscus.app/client.js", "click"),
        ("utterances", "https://utteranc.es/client.js", "click"),
        ("remark42", "https://remark.b.test/web/embed.js", "click"),
        ("disqus", "https://tessellate.disqus.com/embed.js", "click"),
    ],
)
def test_each_provider_renders_from_settings(provider, script, load):
    settings, embed = embed_for(provider)
    assert embed.script == script
    assert settings["COMMENTS_LOAD"] == load  # third parties wait for a click by default
    # the thread identity reaches the provider, whatever its way of taking it
    carried = {
        **embed.script_attrs,
        **embed.target,
        **{k: str(v) for k, v in embed.globals.items()},
    }
    assert any("how-we-hire" in value for value in carried.values()), carried


def test_isso_details():
    _, embed = embed_for("isso")
    assert embed.script_attrs["data-isso"] == "https://comments.b.test/"
    assert embed.target == {
        "id": "isso-thread",
        "data-isso-id": "how-we-hire",
        "data-title": "How we hire",
    }
    assert embed.count_api == "https://comments.b.test/count"
    assert embed.read_api == "https://comments.b.test/"


def test_giscus_maps_the_thread_id_to_a_discussion():
    _, embed = embed_for("giscus")
    assert embed.script_attrs["data-mapping"] == "specific"
    assert embed.script_attrs["data-term"] == "how-we-hire"
    assert embed.script_attrs["data-theme"] == "preferred_color_scheme"


def test_disqus_and_remark42_use_globals_not_inline_script():
    _, disqus = embed_for("disqus")
    assert disqus.globals["disqus_identifier"] == "how-we-hire"
    assert disqus.globals["disqus_url"] == THREAD.url
    _, remark = embed_for("remark42")
    assert remark.globals["remark_config"]["url"] == "how-we-hire"
    assert remark.target == {"id": "remark42"}


def test_load_mode_can_be_chosen():
    assert embed_for("giscus", COMMENTS_LOAD="scroll")[0]["COMMENTS_LOAD"] == "scroll"
    assert embed_for("isso", COMMENTS_LOAD="click")[0]["COMMENTS_LOAD"] == "click"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"COMMENTS_PROVIDER": "isso"},
            "COMMENTS_ISSO_URL is required when COMMENTS_PROVIDER is 'isso'",
        ),
        ({"COMMENTS_PROVIDER": "gisqus"}, "did you mean 'giscus'?"),
        (
            {"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": "comments.b.test"},
            "COMMENTS_ISSO_URL must be an http(s) URL",
        ),
        (  # the script's address, as Isso's docs show it in the script tag
            {
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "https://comments.example.org/js/embed.min.js",
            },
            "COMMENTS_ISSO_URL is where the comment server is served, not its script: write "
            "'https://comments.example.org/' (the pages add '/js/embed.min.js' themselves), "
            "got 'https://comments.example.org/js/embed.min.js'",
        ),
        (  # Isso under a path of its own
            {
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "https://b.test/isso/js/embed.min.js/",
            },
            "write 'https://b.test/isso/'",
        ),
        (
            {
                "COMMENTS_PROVIDER": "remark42",
                "COMMENTS_REMARK42_HOST": "https://remark.b.test/web/embed.js",
                "COMMENTS_REMARK42_SITE_ID": "blog",
            },
            "COMMENTS_REMARK42_HOST is where the comment server is served, not its script: "
            "write 'https://remark.b.test/'",
        ),
        (
            {
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "http://c.b.test",
                "COMMENTS_HTTPS_ONLY": True,
            },
            "COMMENTS_ISSO_URL must use https in publish builds",
        ),
        (
            {
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "https://c.test",
                "COMMENTS_ISSO_VOTE": "yes",
            },
            "COMMENTS_ISSO_VOTE must be True or False",
        ),
        (
            {"COMMENTS_PROVIDER": "utterances", "COMMENTS_UTTERANCES_REPO": "just-a-name"},
            "COMMENTS_UTTERANCES_REPO must look like owner/name",
        ),
        (
            {"COMMENTS_PROVIDER": "giscus", "COMMENTS_GISCUS_REPO": "a/b"},
            "COMMENTS_GISCUS_REPO_ID is required",
        ),
        (
            {"COMMENTS_PROVIDER": "disqus", "COMMENTS_DISQUS_SHORTNAME": "bad name"},
            "COMMENTS_DISQUS_SHORTNAME must be letters",
        ),
        (
            {"COMMENTS_PROVIDER": "none", "COMMENTS_LODE": "click"},
            "unknown setting COMMENTS_LODE (did you mean COMMENTS_LOAD?)",
        ),
        (
            {
                "COMMENTS_PROVIDER": "isso",
                "COMMENTS_ISSO_URL": "https://c.test",
                "COMMENTS_LOAD": "hover",
            },
            "COMMENTS_LOAD must be",
        ),
    ],
)
def test_missing_or_mistyped_settings_are_explained(settings, message):
    with pytest.raises(model.OptionError) as err:
        configure(settings)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("provider", "setting", "value"),
    [
        ("isso", "COMMENTS_ISSO_URL", "https://b.test/isso/"),  # a path of its own, not a script
        ("giscus", "COMMENTS_GISCUS_SCRIPT", "https://giscus.b.test/client.js"),  # a script
        ("utterances", "COMMENTS_UTTERANCES_SCRIPT", "https://u.b.test/client.js"),
    ],
)
def test_servers_and_scripts_each_take_their_own_kind_of_address(provider, setting, value):
    _, embed = embed_for(provider, **{setting: value})
    assert embed.script in (value.rstrip("/") + "/js/embed.min.js", value)


def test_none_needs_nothing():
    assert configure({"COMMENTS_PROVIDER": "none"})["COMMENTS_OPTIONS"] == {}


@pytest.mark.parametrize(
    ("explicit", "slug", "expected"),
    [(None, "how-we-hire", "how-we-hire"), ("  ", "x", "x"), ("old-slug", "new-slug", "old-slug")],
)
def test_thread_id(explicit, slug, expected):
    assert model.thread_id(explicit, slug) == expected


@pytest.mark.parametrize(("raw", "state"), [(None, "open"), ("Closed", "closed"), (" off ", "off")])
def test_comment_state(raw, state):
    assert model.comment_state(raw) == state


def test_comment_state_rejects_typos():
    with pytest.raises(
        model.OptionError, match="Comments must be one of open, closed, off, got 'closd'"
    ):
        model.comment_state("closd")


@pytest.mark.parametrize(
    ("states", "open_", "closed"),
    [
        ([("a", "open"), ("b", "closed"), ("c", "off")], ["a"], ["b", "c"]),
        ([("a", "open"), ("a", "closed")], [], ["a"]),  # one id, two posts: closed wins
        ([("a", "open"), ("a", "open")], ["a"], []),
        ([], [], []),
    ],
)
def test_threads_list_for_the_server(states, open_, closed):
    threads = [model.Thread(i, f"https://x/{i}/", i, state) for i, state in states]
    assert model.threads_list("isso", threads) == {
        "version": 1,
        "provider": "isso",
        "open": open_,
        "closed": closed,
    }


@pytest.mark.parametrize(
    ("old", "patterns", "prefix", "slugs"),
    [
        (["/posts/how-we-hire/"], ["posts/{slug}/"], "", ["how-we-hire"]),
        (["/posts/how-we-hire"], ["posts/{slug}/"], "", ["how-we-hire"]),  # no slash
        (["https://blog.example/posts/a/index.html"], ["posts/{slug}/"], "", ["a"]),
        (["/blog/posts/a/"], ["posts/{slug}/"], "/blog", ["a"]),  # a site under a folder
        (["/fr/posts/a/"], ["posts/{slug}/", "{lang}/posts/{slug}/"], "", ["a"]),
        (["/2019/05/a/"], ["{date:%Y}/{date:%m}/{slug}/"], "", ["a"]),
        (["/2019/05/a.html"], ["posts/{slug}/"], "", []),  # another engine's address
        (["/posts/a/b/"], ["posts/{slug}/"], "", []),
        (["/posts/a/"], ["{category}/"], "", []),  # no slug in the pattern
        (["/posts/a/", "/posts/a"], ["posts/{slug}/"], "", ["a"]),  # said once
    ],
)
def test_the_slugs_a_post_had_at_its_old_addresses(old, patterns, prefix, slugs):
    assert model.moved_slugs(old, patterns, prefix) == slugs


@pytest.mark.parametrize(
    ("pattern", "only"),
    [("{slug}", True), ("{slug}.html", True), ("{date:%Y}-{slug}", False), ("x", False)],
)
def test_a_pattern_of_the_slug_alone(pattern, only):
    assert model.slug_only(pattern) is only


def _thread(slug: str, lang: str = "en") -> model.Thread:
    return model.Thread(
        id=slug, url=f"https://b.test/posts/{slug}/", title=slug, state="open", lang=lang
    )


@pytest.mark.parametrize("provider", sorted(VALID))
def test_posts_embeds_share_the_parts_they_have_alike(provider):
    """A build keeps one copy of what every post's embed has alike, not one per post."""
    options = configure({"COMMENTS_PROVIDER": provider, **VALID[provider]})["COMMENTS_OPTIONS"]
    make = PROVIDERS[provider].embed
    seen: dict = {}
    first, second, french = (
        model.shared_parts(make(options, thread), seen)
        for thread in (_thread("one"), _thread("two"), _thread("trois", "fr"))
    )
    for embed, thread in ((first, _thread("one")), (french, _thread("trois", "fr"))):
        assert embed == make(options, thread)  # the same values: pages unchanged
    for part in ("script", "script_attrs", "globals", "target", "texts", "text_markup"):
        alike = getattr(first, part) == getattr(second, part)
        # one object for equal parts, and never one for parts that differ (a post's thread)
        assert (getattr(first, part) is getattr(second, part)) is alike, part
    if provider == "isso":  # its strings are per language: English and French apart
        assert first.script_attrs is second.script_attrs
        assert first.script_attrs is not french.script_attrs
        assert first.target is not second.target
