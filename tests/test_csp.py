"""The csp plugin: sources checked and merged (tables), each plugin's sources, and built sites
carrying the policy in every page and in _headers."""

import logging
import os
import re

import pytest

from pelicanconf import PLUGINS
from plugins.analytics.csp import csp_sources as analytics_sources
from plugins.comments.csp import csp_sources as comments_sources
from plugins.csp import media
from plugins.csp.policy import (
    MARKER,
    PolicyError,
    build,
    check_source,
    headers_file,
    merge,
    serialise,
)
from plugins.csp.settings import configure
from plugins.newsletter.csp import csp_sources as newsletter_sources
from plugins.search.csp import csp_page_sources as search_page_sources
from plugins.search.csp import csp_sources as search_sources

WITH_CSP = [*PLUGINS, "plugins.csp"] if "plugins.csp" not in PLUGINS else PLUGINS


# --- sources -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "'self'",
        "'none'",
        "'wasm-unsafe-eval'",
        "'unsafe-hashes'",
        "'sha256-88YPXZAuEm3pnIfeR/Kb+7eXzEmRyDhkz037LZ3G66I='",
        "data:",
        "https:",
        "https://comments.example.org",
        "http://127.0.0.1:8080",
        "https://*.disquscdn.com",
        "cdn.example.org",
        "https://example.org:*",
        "https://example.org/path/",
    ],
)
def test_valid_sources_pass_unchanged(source):
    assert check_source("img-src", source) == source


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("self", "needs single quotes: write \"'self'\""),
        ("unsafe-inline", "write \"'unsafe-inline'\""),
        ("'selfish'", "unknown keyword"),
        ("https://a.example.org; script-src *", "is not a source"),
        ("https://a.example.org https://b.example.org", "is not a source"),
        ("", "non-empty string"),
        (42, "non-empty string"),
    ],
)
def test_invalid_sources_say_what_was_expected(source, message):
    with pytest.raises(PolicyError, match=re.escape(message)):
        check_source("img-src", source)


def test_unknown_directive_suggests_the_nearest():
    with pytest.raises(PolicyError, match="unknown directive 'img-scr' \\(did you mean 'img-src'"):
        merge({"img-scr": ["'self'"]})


def test_a_string_instead_of_a_list_is_refused():
    with pytest.raises(PolicyError, match="must be a list of strings"):
        merge({"img-src": "https://a.example.org"})


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([{"img-src": ["'self'"]}, {"img-src": ["'self'", "data:"]}],
         {"img-src": ["'self'", "data:"]}),
        ([{"frame-src": ["'none'"]}, {"frame-src": ["https://giscus.app"]}],
         {"frame-src": ["https://giscus.app"]}),
        ([{"frame-src": ["'none'"]}, {"frame-src": ["'none'"]}], {"frame-src": ["'none'"]}),
        ([{"connect-src": ["https://x.example"]}, {}], {"connect-src": ["https://x.example"]}),
    ],
)  # fmt: skip
def test_merge_unions_in_order_and_drops_none_beside_a_source(parts, expected):
    assert merge(*parts) == expected


@pytest.mark.parametrize(
    ("policy", "meta", "expected"),
    [
        (
            {"script-src": ["https://a.example", "'self'"], "default-src": ["'none'"]},
            False,
            "default-src 'none'; script-src 'self' https://a.example",
        ),
        (
            {"frame-ancestors": ["'none'"], "img-src": ["'self'"], "report-uri": ["https://r.example/x"]},
            True,
            "img-src 'self'",
        ),
        (
            {"upgrade-insecure-requests": [], "object-src": ["'none'"]},
            False,
            "object-src 'none'; upgrade-insecure-requests",
        ),
    ],
)  # fmt: skip
def test_serialise_orders_directives_and_leaves_header_only_ones_out_of_meta(
    policy, meta, expected
):
    assert serialise(policy, meta=meta) == expected


def test_build_starts_strict_and_adds_only_what_is_declared():
    policy = build([{"script-src": ["https://gc.zgo.at"]}])
    assert policy.directives["default-src"] == ("'none'",)
    assert policy.directives["script-src"] == ("'self'", "https://gc.zgo.at")
    assert policy.directives["object-src"] == ("'none'",)
    assert "frame-src" not in policy.directives  # no frames at all unless a plugin asks
    assert "'unsafe-inline'" not in policy.header
    assert "frame-ancestors 'none'" in policy.header
    assert "frame-ancestors" not in policy.meta
    assert "upgrade-insecure-requests" not in policy.header


def test_build_flags_and_report_uri():
    policy = build([], upgrade_insecure_requests=True, report_uri="https://r.example.org/csp")
    assert policy.header.endswith("upgrade-insecure-requests; report-uri https://r.example.org/csp")
    assert policy.meta.endswith("upgrade-insecure-requests")


def test_headers_file_is_one_block_for_every_path():
    text = headers_file(build([]))
    lines = text.splitlines()
    assert lines[0] == MARKER
    assert lines[1] == "/*"
    assert lines[2].startswith("  Content-Security-Policy: default-src 'none'; ")
    assert "  X-Content-Type-Options: nosniff" in lines


# --- settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"CSP_ENABLD": True}, "unknown setting CSP_ENABLD \\(did you mean CSP_ENABLED\\?\\)"),
        ({"CSP_ENABLED": "yes"}, "CSP_ENABLED must be True or False"),
        ({"CSP_EXTRA": ["https://a.example"]}, "CSP_EXTRA must be a dict"),
        ({"CSP_EXTRA": {"img-src": ["self"]}}, "CSP_EXTRA: img-src: 'self' is a keyword"),
        ({"CSP_EXTRA": {"image-src": ["data:"]}}, "did you mean 'img-src'"),
        ({"CSP_HEADERS_SAVE_AS": "../_headers"}, "CSP_HEADERS_SAVE_AS must be a path inside"),
        ({"CSP_REPORT_URI": "reports"}, "CSP_REPORT_URI must be an http\\(s\\) URL"),
        ({"CSP_UPGRADE_INSECURE_REQUESTS": "auto"}, "must be True, False or None"),
    ],
)
def test_settings_errors_name_the_setting(settings, message):
    with pytest.raises(PolicyError, match=message):
        configure(settings)


@pytest.mark.parametrize(
    ("siteurl", "upgrade"),
    [("https://blog.example.org", True), ("http://127.0.0.1:8000", False), ("", False)],
)
def test_upgrade_insecure_requests_follows_siteurl(siteurl, upgrade):
    assert configure({"SITEURL": siteurl})["CSP_UPGRADE_INSECURE_REQUESTS"] is upgrade


# --- what each plugin declares ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"COMMENTS_PROVIDER": "none"}, {}),
        (
            {"COMMENTS_PROVIDER": "giscus", "COMMENTS_GISCUS_REPO": "o/r",
             "COMMENTS_GISCUS_REPO_ID": "R", "COMMENTS_GISCUS_CATEGORY": "C",
             "COMMENTS_GISCUS_CATEGORY_ID": "CI"},
            {"script-src": ["https://giscus.app"], "frame-src": ["https://giscus.app"],
             "style-src": ["'unsafe-inline'"]},
        ),
        (
            {"COMMENTS_PROVIDER": "utterances", "COMMENTS_UTTERANCES_REPO": "o/r"},
            {"script-src": ["https://utteranc.es"], "frame-src": ["https://utteranc.es"],
             "style-src": ["'unsafe-inline'"]},
        ),
        (
            {"COMMENTS_PROVIDER": "remark42", "COMMENTS_REMARK42_HOST": "https://r.example.org/",
             "COMMENTS_REMARK42_SITE_ID": "blog"},
            {"script-src": ["https://r.example.org"], "frame-src": ["https://r.example.org"],
             "connect-src": ["https://r.example.org"], "style-src": ["'unsafe-inline'"]},
        ),
    ],
)  # fmt: skip
def test_comment_providers_declare_their_hosts(settings, expected):
    assert comments_sources(settings) == expected


def test_isso_declares_its_server_only():
    sources = comments_sources({"COMMENTS_ISSO_URL": "https://comments.example.org:8443/"})
    server = "https://comments.example.org:8443"
    # no style source: the theme styles the thread, and Isso draws no avatars
    assert sources == {"script-src": [server], "connect-src": [server]}


def test_disqus_declares_its_shortname_host():
    sources = comments_sources(
        {"COMMENTS_PROVIDER": "disqus", "COMMENTS_DISQUS_SHORTNAME": "tessellate"}
    )
    assert "https://tessellate.disqus.com" in sources["script-src"]
    assert sources["frame-src"] == ["https://disqus.com"]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"ANALYTICS_PROVIDER": "none", "ANALYTICS_ENABLED": True}, {}),
        (  # chosen but not loaded (development builds): nothing to allow
            {"ANALYTICS_PROVIDER": "plausible", "ANALYTICS_PLAUSIBLE_DOMAIN": "b.example.org"},
            {},
        ),
        (
            {"ANALYTICS_PROVIDER": "plausible", "ANALYTICS_ENABLED": True,
             "ANALYTICS_PLAUSIBLE_DOMAIN": "b.example.org"},
            {"script-src": ["https://plausible.io"], "connect-src": ["https://plausible.io"]},
        ),
        (
            {"ANALYTICS_PROVIDER": "goatcounter", "ANALYTICS_ENABLED": True,
             "ANALYTICS_GOATCOUNTER_ENDPOINT": "https://t.goatcounter.com/count"},
            {"script-src": ["https://gc.zgo.at"], "connect-src": ["https://t.goatcounter.com"],
             "img-src": ["https://t.goatcounter.com"]},
        ),
        (
            {"ANALYTICS_PROVIDER": "umami", "ANALYTICS_ENABLED": True,
             "ANALYTICS_UMAMI_WEBSITE_ID": "abc-123",
             "ANALYTICS_UMAMI_SCRIPT": "https://stats.example.org/script.js"},
            {"script-src": ["https://stats.example.org"],
             "connect-src": ["https://stats.example.org"]},
        ),
    ],
)  # fmt: skip
def test_analytics_declares_the_counter_only_when_it_loads(settings, expected):
    assert analytics_sources(settings) == expected


def test_newsletter_declares_its_endpoint_as_form_action():
    assert newsletter_sources({}) == {}
    assert newsletter_sources(
        {
            "NEWSLETTER_ACTION": "https://buttondown.com/api/emails/embed-subscribe/tess",
            "NEWSLETTER_PRIVACY_URL": "privacy/",
        }
    ) == {"form-action": ["https://buttondown.com"]}


def test_search_declares_webassembly_for_its_own_page_only():
    assert search_sources({}) == {}
    assert search_page_sources({}) == {"search/index.html": {"script-src": ["'wasm-unsafe-eval'"]}}
    assert search_page_sources({"SEARCH_SAVE_AS": "find/index.html"}) == {
        "find/index.html": {"script-src": ["'wasm-unsafe-eval'"]}
    }
    assert search_page_sources({"SEARCH_SAVE_AS": ""}) == {}


def test_page_sources_reach_that_page_and_the_header_only():
    policy = build(
        [{"connect-src": ["https://c.example.org"]}],
        pages={"search/index.html": {"script-src": ["'wasm-unsafe-eval'"]}},
    )
    assert "'wasm-unsafe-eval'" not in policy.meta
    assert "'wasm-unsafe-eval'" not in policy.meta_for("posts/a/index.html")
    assert "'wasm-unsafe-eval'" not in policy.meta_for(None)
    page = policy.meta_for("search/index.html")
    assert "script-src 'self' 'wasm-unsafe-eval';" in page
    assert "connect-src 'self' https://c.example.org" in page  # the site's sources too
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy.header
    assert policy.directives["script-src"] == ("'self'", "'wasm-unsafe-eval'")


def test_a_bad_page_source_is_an_error():
    with pytest.raises(PolicyError, match="unknown keyword"):
        build([], pages={"search/index.html": {"script-src": ["'wasm-eval'"]}})


# --- media a post loads ----------------------------------------------------------------------


def test_external_media_finds_every_loading_attribute():
    html = (
        '<p><img src="https://a.example/1.png" alt=""> <img src="/images/own.png" alt="">'
        '<picture><source srcset="https://b.example/2.avif 1x, https://c.example/3.avif 2x">'
        "</picture><video poster='https://d.example/p.jpg' src=https://e.example/v.mp4></video>"
        '<a href="https://f.example/">a link loads nothing</a></p>'
    )
    assert list(media.external_media(html)) == [
        ("img-src", "https://a.example/1.png"),
        ("img-src", "https://b.example/2.avif"),
        ("img-src", "https://c.example/3.avif"),
        ("img-src", "https://d.example/p.jpg"),
        ("media-src", "https://e.example/v.mp4"),
    ]


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<IMG SRC="https://a.example/1.png">', [("img-src", "https://a.example/1.png")]),
        ('<img alt="a>b" src="https://a.example/1.png">', [("img-src", "https://a.example/1.png")]),
        ('<img src="https://a.example/?a=1&amp;b=2">', [("img-src", "https://a.example/?a=1&b=2")]),
        # the regular expression took these for images the page loads
        ('<!-- <img src="https://old.example/x.png"> --><p>t</p>', []),
        ('<p title="<img src=https://t.example/x.png>">t</p>', []),
        ("<pre><code>&lt;img src=https://c.example/x.png&gt;</code></pre>", []),
        ("<script>'<img src=https://s.example/x.png>'</script>", []),
    ],
)
def test_external_media_reads_html_as_a_browser_does(html, found):
    assert list(media.external_media(html)) == found


@pytest.mark.parametrize(
    ("sources", "url", "allowed"),
    [
        (["'self'"], "https://blog.example.org/x.png", True),
        (["'self'"], "https://blog.example.org:8443/x.png", False),
        (["'self'"], "http://blog.example.org/x.png", False),
        (["'self'"], "https://cdn.example.org/x.png", False),
        (["https://cdn.example.org"], "https://cdn.example.org/x.png", True),
        (["cdn.example.org"], "https://cdn.example.org/x.png", True),
        (["http://cdn.example.org"], "https://cdn.example.org/x.png", True),  # upgrade allowed
        (["https://*.example.org"], "https://cdn.example.org/x.png", True),
        (["https://*.example.org"], "https://example.org/x.png", False),
        (["https:"], "https://anything.example/x.png", True),
        (["data:"], "https://anything.example/x.png", False),
        (["https://cdn.example.org:*"], "https://cdn.example.org:9000/x.png", True),
        (["https://cdn.example.org:9000"], "https://cdn.example.org/x.png", False),
        (["'self'"], "//blog.example.org/x.png", True),
    ],
)
def test_allows_matches_as_browsers_do(sources, url, allowed):
    assert media.allows(sources, url, "https://blog.example.org") is allowed


# --- built sites -----------------------------------------------------------------------------


def _meta(soup) -> str | None:
    tag = soup.select_one('head meta[http-equiv="Content-Security-Policy"]')
    return tag["content"] if tag else None


def test_publish_build_puts_the_policy_first_in_every_page(build_site):
    site = build_site(
        publish=True, PLUGINS=WITH_CSP, CSP_ENABLED=True, COMMENTS_ISSO_URL="https://c.example.org"
    )
    pages = site.files(".html")
    assert len(pages) > 10
    expected = build(
        [comments_sources({"COMMENTS_ISSO_URL": "https://c.example.org"})],
        upgrade_insecure_requests=True,
        pages={"search/index.html": {"script-src": ["'wasm-unsafe-eval'"]}},
    )
    assert "'wasm-unsafe-eval'" not in expected.meta
    for path in pages:
        relative = path.relative_to(site.output).as_posix()
        soup = site.soup(relative)
        assert _meta(soup) == expected.meta_for(relative), path
        assert ("'wasm-unsafe-eval'" in _meta(soup)) is (relative == "search/index.html")
        # right after <meta charset>: nothing before it escapes the policy
        head = [t for t in soup.head.find_all(True, recursive=False)]
        assert head[0].get("charset") == "utf-8"
        assert head[1].get("http-equiv") == "Content-Security-Policy", path
    headers = site.text("_headers")
    assert f"  Content-Security-Policy: {expected.header}\n" in headers
    assert "frame-ancestors 'none'" in headers
    assert "script-src 'self' 'wasm-unsafe-eval' https://c.example.org;" in headers


def test_csp_enabled_false_ships_nothing(build_site):
    site = build_site(publish=True, PLUGINS=WITH_CSP, CSP_ENABLED=False)
    assert _meta(site.soup("")) is None
    assert not site.exists("_headers")


def test_without_the_plugin_nothing_ships(build_site):
    without = [name for name in PLUGINS if name != "plugins.csp"]
    site = build_site(publish=True, CSP_ENABLED=True, PLUGINS=without)
    assert _meta(site.soup("")) is None
    assert not site.exists("_headers")


def test_extra_sources_and_a_content_headers_file_are_kept(build_site):
    site = build_site(
        {"extra/_headers": "/feeds/*\n  Cache-Control: max-age=600\n"},
        PLUGINS=WITH_CSP,
        CSP_ENABLED=True,
        CSP_EXTRA={"img-src": ["https://images.example.org"]},
        STATIC_PATHS=["images", "extra"],
        EXTRA_PATH_METADATA={
            "extra/favicon.svg": {"path": "favicon.svg"},
            "extra/_headers": {"path": "_headers"},
        },
    )
    assert "img-src 'self' https://images.example.org;" in _meta(site.soup(""))
    headers = site.text("_headers")
    assert headers.startswith(f"/feeds/*\n  Cache-Control: max-age=600\n\n{MARKER}\n/*\n")
    assert headers.count("Content-Security-Policy:") == 1


def test_a_content_headers_file_with_its_own_policy_is_an_error(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(
        {"extra/_headers": "/*\n  Content-Security-Policy: default-src *\n"},
        PLUGINS=WITH_CSP,
        CSP_ENABLED=True,
        EXTRA_PATH_METADATA={"extra/_headers": {"path": "_headers"}},
    )
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    # named as content/extra/_headers is on a real site (here the fixture copy's folder)
    assert re.match(
        r"content-\d+/extra/_headers: this file sets its own Content-Security-Pol", errors[0]
    )


HOTLINKED = """\
Title: Photos from elsewhere
Date: 2024-03-01
Author: Ada Byrne
Category: News

![A hall](https://photos.example.net/hall.jpg)
"""


def test_a_post_hotlinking_an_image_is_one_error_naming_it(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/hotlinked.md": HOTLINKED}, PLUGINS=WITH_CSP, CSP_ENABLED=True)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors == [
        f"{site.content.name}/posts/hotlinked.md: https://photos.example.net/hall.jpg is loaded "
        "from another site and the Content-Security-Policy blocks it (img-src); save it under "
        "content/images/ and link it with {static}, or allow its site with "
        "CSP_EXTRA = {'img-src': ['https://photos.example.net']} in pelicanconf.py"
    ]


def test_a_development_build_warns_of_what_the_published_policy_blocks(build_site, caplog):
    # the policy is off in development: nothing was said until the publish failed
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/hotlinked.md": HOTLINKED}, PLUGINS=WITH_CSP)
    lines = [
        (r.levelname, r.getMessage()) for r in caplog.records if "photos.example" in r.getMessage()
    ]
    assert lines == [
        (
            "WARNING",
            f"{site.content.name}/posts/hotlinked.md: https://photos.example.net/hall.jpg is "
            "loaded from another site and the published site's Content-Security-Policy blocks "
            "it (img-src): make publish stops on it; save it under content/images/ and link it "
            "with {static}, or allow its site with CSP_EXTRA = {'img-src': "
            "['https://photos.example.net']} in pelicanconf.py",
        )
    ]
    assert "Content-Security-Policy" not in site.text("posts/photos-from-elsewhere/")


def test_the_hotlinked_image_is_fine_once_allowed(build_site, caplog):
    caplog.set_level(logging.WARNING)
    build_site(
        {"posts/hotlinked.md": HOTLINKED},
        PLUGINS=WITH_CSP,
        CSP_ENABLED=True,
        CSP_EXTRA={"img-src": ["https://photos.example.net"]},
    )
    assert not [r for r in caplog.records if "Content-Security-Policy" in r.getMessage()]


def test_a_publish_build_with_a_hotlinked_image_fails(build_site):
    with pytest.raises(SystemExit):
        build_site({"posts/hotlinked.md": HOTLINKED}, publish=True, PLUGINS=WITH_CSP,
                   CSP_ENABLED=True, COMMENTS_ISSO_URL="https://c.example.org")  # fmt: skip


def test_a_bad_csp_setting_stops_the_build_with_one_line(build_site):
    with pytest.raises(SystemExit, match="Settings error: CSP_EXTRA: img-src: 'self' is a keyword"):
        build_site(PLUGINS=WITH_CSP, CSP_ENABLED=True, CSP_EXTRA={"img-src": ["self"]})


# --- pictures of other sites, grouped (a Blogger-era blog: hundreds of them) -----------------


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("http://3.bp.blogspot.com/_a/b/s1600/x.png", "https://*.bp.blogspot.com"),
        ("https://1.bp.blogspot.com/x.png", "https://*.bp.blogspot.com"),
        ("http://casa.colorado.edu/x.png", "https://casa.colorado.edu"),  # over https
        ("https://3.example.org/x.png", "https://3.example.org"),  # no wildcard of a domain
        ("https://farm4.staticflickr.com/x.jpg", "https://farm4.staticflickr.com"),
        ("https://cdn.example.org:8443/x.png", "https://cdn.example.org:8443"),
        ("//cdn.example.org/x.png", "https://cdn.example.org"),
    ],
)
def test_the_source_advised_is_one_the_policy_accepts_over_https(url, source):
    assert media.source_of(url) == source
    assert check_source("img-src", source) == source
    assert media.allows([source], url, "https://blog.example.org", upgrade=True)


def test_an_http_picture_is_allowed_by_an_https_source_once_upgraded():
    url, sources = "http://2.bp.blogspot.com/x.png", ["https://*.bp.blogspot.com"]
    assert not media.allows(sources, url, "https://blog.example.org")
    assert media.allows(sources, url, "https://blog.example.org", upgrade=True)


def test_blocked_pictures_are_grouped_by_what_would_allow_them():
    blocked = [
        media.Blocked("content/a.rst", "http://1.bp.blogspot.com/x.png", "img-src"),
        media.Blocked("content/b.rst", "http://4.bp.blogspot.com/y.png", "img-src"),
        media.Blocked("content/a.rst", "https://i.imgur.com/z.png", "img-src"),
        media.Blocked("content/c.rst", "http://2.bp.blogspot.com/z.png", "img-src"),
        media.Blocked("content/d.rst", "http://3.bp.blogspot.com/w.png", "img-src"),
        media.Blocked("content/e.rst", "http://3.bp.blogspot.com/v.png", "img-src"),
        media.Blocked("content/e.rst", "http://3.bp.blogspot.com/v.png", "img-src"),  # again
    ]
    groups = media.grouped(blocked)
    assert [len(g) for g in groups] == [5, 1]
    assert media.group_message(groups[0], shipped=True) == (
        "content/: 5 pictures in 5 files (a.rst, b.rst, c.rst and "
        "2 more) are loaded from *.bp.blogspot.com, another site, and the "
        "Content-Security-Policy blocks them (img-src); save each under content/images/ and "
        "link them with {static}, or allow their site with CSP_EXTRA = {'img-src': "
        "['https://*.bp.blogspot.com']} in pelicanconf.py and write their addresses with https:"
    )
    assert media.group_message(groups[1], shipped=False) == (
        "content/a.rst: https://i.imgur.com/z.png is loaded from another site and the "
        "published site's Content-Security-Policy blocks it (img-src): make publish stops on "
        "it; save it under content/images/ and link it with {static}, or allow its site with "
        "CSP_EXTRA = {'img-src': ['https://i.imgur.com']} in pelicanconf.py"
    )


@pytest.mark.parametrize(
    ("files", "head", "where"),
    [
        # the folder they share, not the first file rendered (which changed between builds)
        (("content/articles/b.md", "content/articles/a.md"), "content/articles/",
         " in 2 files (a.md, b.md)"),
        # folders apart: the settings file, where CSP_EXTRA goes
        (("content/posts/b.md", "content/articles/a.md"), "pelicanconf.py",
         " in 2 files (content/articles/a.md, content/posts/b.md)"),
        # one file: named once
        (("content/posts/b.md", "content/posts/b.md"), "content/posts/b.md", ""),
    ],
)  # fmt: skip
def test_a_grouped_line_is_headed_by_what_the_files_share_in_any_order(files, head, where):
    # probe 20, 4: "content/articles/2020-03-06-old-post-6.en.md: 6 pictures in 6 files
    # (content/articles/2020-03-06-old-post-6.en.md, ..." in serve, post-4 in publish
    blocked = [
        media.Blocked(file, f"http://{n}.bp.blogspot.com/p.png", "img-src")
        for n, file in enumerate(files, start=1)
    ]
    said = {media.group_message(order, shipped=False) for order in (blocked, blocked[::-1])}
    assert len(said) == 1
    assert said.pop().startswith(f"{head}: 2 pictures{where} are loaded from *.bp.blogspot.com")


def _blogger_post(n: int, pictures: int) -> str:
    images = "\n\n".join(
        f"![Plot {i}](http://{1 + i % 4}.bp.blogspot.com/_x/s1600/plot-{n}-{i}.png)"
        for i in range(pictures)
    )
    return (
        f"Title: Old post {n}\nDate: 2009-0{1 + n}-01\nAuthor: Ada Byrne\nCategory: News\n\n"
        f"{images}\n\n![A map](https://maps.example.net/m-{n}.png)\n"
    )


BLOGGER = {f"posts/old-{n}.md": _blogger_post(n, 3) for n in range(5)}


def _csp_lines(caplog) -> list[tuple[str, str]]:
    return [
        (r.levelname, r.getMessage())
        for r in caplog.records
        if "Content-Security-Policy blocks" in r.getMessage()
    ]


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "forked-renderers"])
def test_pictures_of_other_sites_are_one_line_per_site(build_site, caplog, workers):
    # a Blogger-era blog: one line per picture, each advising an http: host of its own
    caplog.set_level(logging.WARNING)
    build_site(BLOGGER, PLUGINS=WITH_CSP, name=f"blogger-{workers}",
               FASTBUILD_WORKERS=workers, FASTBUILD_MIN_FILES=1)  # fmt: skip
    lines = _csp_lines(caplog)
    assert len(lines) == 2, lines
    (level, blogspot), (_, maps) = sorted(lines, key=lambda line: "maps" in line[1])
    assert level == "WARNING"
    assert ": 15 pictures in 5 files (" in blogspot and " and 2 more) " in blogspot
    assert "['https://*.bp.blogspot.com']" in blogspot and "http://" not in blogspot
    assert ": 5 pictures in 5 files (" in maps and "['https://maps.example.net']" in maps


def test_a_publish_with_pictures_of_other_sites_still_fails_and_the_advice_lets_it_through(
    build_site, caplog
):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(BLOGGER, publish=True, PLUGINS=WITH_CSP, name="blogger-publish",
                   COMMENTS_ISSO_URL="https://c.example.org")  # fmt: skip
    lines = _csp_lines(caplog)
    assert [level for level, _ in lines] == ["ERROR", "ERROR"], lines
    caplog.clear()
    extra = {"img-src": ["https://*.bp.blogspot.com", "https://maps.example.net"]}
    build_site(BLOGGER, publish=True, PLUGINS=WITH_CSP, name="blogger-allowed",
               COMMENTS_ISSO_URL="https://c.example.org", CSP_EXTRA=extra)  # fmt: skip
    assert _csp_lines(caplog) == []
    # a development build (http SITEURL) checks as the published site, which upgrades them
    build_site(BLOGGER, PLUGINS=WITH_CSP, name="blogger-dev-allowed", CSP_EXTRA=extra,
               siteurl="http://localhost:8000")  # fmt: skip
    assert _csp_lines(caplog) == []
    # unless the settings turn the upgrade off: then http: addresses are blocked still
    build_site(BLOGGER, PLUGINS=WITH_CSP, name="blogger-no-upgrade", CSP_EXTRA=extra,
               siteurl="http://localhost:8000", CSP_UPGRADE_INSECURE_REQUESTS=False)  # fmt: skip
    assert [level for level, _ in _csp_lines(caplog)] == ["WARNING"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_full_disk_names_the_headers_file_not_the_plugin_line(tmp_path):
    # the build's line was "plugins/csp/signals.py: line 305: ... No space left on device"
    from types import SimpleNamespace

    from plugins.csp import signals as csp_signals
    from plugins.engine import files

    settings = configure({"CSP_ENABLED": True, "CSP_HEADERS_SAVE_AS": "_headers"})
    (tmp_path / "_headers").symlink_to("/dev/full")  # every write to it: ENOSPC
    with pytest.raises(OSError) as raised:
        csp_signals.on_finalized(SimpleNamespace(settings=settings, output_path=str(tmp_path)))
    assert files.written(raised.value) == str(tmp_path / "_headers")
