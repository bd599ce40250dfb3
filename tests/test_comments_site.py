"""The comments block on real builds: states, identity, counts, no inline script."""

import json
import logging

import pytest

from tests.conftest import TEST_SITEURL, _builder

ISSO = "https://comments.example.test"
POSTS = {
    "posts/closed.md": "Title: Closed\nDate: 2024-07-01\nComments: closed\n\nOld news.\n",
    "posts/quiet.md": "Title: Quiet\nDate: 2024-07-02\nComments: off\n\nNo thread.\n",
    "posts/moved.md": "Title: Moved\nDate: 2024-07-03\nSlug: moved-here\n"
    "Comment_id: moved-from\n\nx\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _builder(tmp_path_factory.mktemp("comments"))(
        POSTS, COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO
    )


def block(site, path):
    return site.soup(path).select_one("section.comments")


def test_open_thread_markup(site):
    section = block(site, "posts/ranges/")
    assert section["id"] == "comments"
    assert section["data-comments-provider"] == "isso"
    assert section["data-comments-load"] == "scroll"
    assert section["data-comments-src"] == f"{ISSO}/js/embed.min.js"
    assert json.loads(section["data-comments-attrs"])["data-isso"] == f"{ISSO}/"
    target = section.select_one("#isso-thread")
    assert target["data-isso-id"] == "ranges"
    assert target["data-title"] == "Bookings as ranges"
    assert section.select_one("button[data-comments-show][hidden]")
    assert "need JavaScript" in section.select_one("noscript").get_text()
    # what the script asks Isso first, and the line when it cannot
    assert section["data-comments-check"] == f"{ISSO}/config"
    assert section["data-comments-failed"] == "The comments could not be loaded."


def test_closed_thread_is_read_only(site):
    section = block(site, "posts/closed/")
    assert section["data-comments-state"] == "closed"
    assert section["data-comments-read-api"] == f"{ISSO}/"
    assert section.select_one("#isso-thread") is None  # Isso's form never loads
    assert not section.select("form, textarea, input")
    assert "Comments are closed" in section.get_text()


def test_off_and_drafts_have_no_thread(site):
    assert block(site, "posts/quiet/") is None
    assert block(site, "drafts/posts/unfinished-thoughts/") is None


def test_comment_id_keeps_the_thread_when_the_slug_changes(site):
    assert (
        block(site, "posts/moved-here/").select_one("#isso-thread")["data-isso-id"] == "moved-from"
    )


def test_no_counts_on_post_lists_by_default(site):
    # a count is a request to the comment server as the list loads: off unless turned on
    assert not site.soup("/").select("[data-comments-count]")


def test_counts_on_post_lists_when_turned_on(build_site):
    built = build_site(POSTS, COMMENTS_ISSO_URL=ISSO, COMMENTS_COUNTS=True)
    links = built.soup("/").select(".post-card__comments a[data-comments-count]")
    assert links and all(a["data-comments-count"] == f"{ISSO}/count" for a in links)
    by_id = {a["data-comments-id"]: a["href"] for a in links}
    assert by_id["moved-from"] == f"{TEST_SITEURL}/posts/moved-here/#comments"
    assert "quiet" not in by_id  # Comments: off


def test_threads_list_for_the_comment_server(site):
    listed = json.loads(site.text("comments/threads.json"))
    assert listed["provider"] == "isso"
    assert {"closed", "quiet"} <= set(listed["closed"])  # Comments: off takes nothing either
    assert {"ranges", "moved-from"} <= set(listed["open"])
    assert not set(listed["open"]) & set(listed["closed"])
    assert "unfinished-thoughts" not in listed["open"] + listed["closed"]  # a draft


def test_threads_list_can_be_turned_off(build_site):
    built = build_site(POSTS, COMMENTS_ISSO_URL=ISSO, COMMENTS_THREADS_FILE=None)
    assert not built.exists("comments/threads.json")


@pytest.mark.parametrize("value", ["/etc/threads.json", "../threads.json", "", 3])
def test_threads_file_must_stay_in_the_output(build_site, value):
    with pytest.raises(SystemExit) as stop:
        build_site(COMMENTS_ISSO_URL=ISSO, COMMENTS_THREADS_FILE=value)
    assert "COMMENTS_THREADS_FILE must be a path inside the output" in str(stop.value)


def test_no_inline_script_or_handler_anywhere(site):
    for file in site.files(".html"):
        soup = site.soup(file.relative_to(site.output).as_posix())
        for script in soup.select("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", file
        for tag in soup.find_all(True):
            assert not [a for a in tag.attrs if a.startswith("on")], (file, tag.name)


def test_option_values_are_escaped(build_site):
    built = build_site(
        {"posts/x.md": 'Title: A "quoted" <b>title</b>\nDate: 2024-07-01\nSlug: x\n\nx\n'},
        COMMENTS_PROVIDER="isso",
        COMMENTS_ISSO_URL=ISSO,
    )
    html = built.text("posts/x/")
    assert 'data-title="A &#34;quoted&#34; &lt;b&gt;title&lt;/b&gt;"' in html or (
        'data-title="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"' in html
    )
    assert (
        built.soup("posts/x/").select_one("#isso-thread")["data-title"] == 'A "quoted" <b>title</b>'
    )


def test_third_party_closed_says_closed_and_loads_nothing(build_site):
    built = build_site(
        POSTS,
        COMMENTS_PROVIDER="giscus",
        COMMENTS_GISCUS_REPO="tessellate/blog",
        COMMENTS_GISCUS_REPO_ID="R_1",
        COMMENTS_GISCUS_CATEGORY="Comments",
        COMMENTS_GISCUS_CATEGORY_ID="DIC_1",
    )
    closed = block(built, "posts/closed/")
    assert closed.select_one(".comments__closed").get_text(strip=True) == "Comments are closed."
    assert closed.select_one("[data-comments-thread]") is None
    opened = block(built, "posts/ranges/")
    assert opened["data-comments-load"] == "click"
    assert "GitHub" in opened.select_one(".comments__privacy").get_text()
    assert not built.soup("/").select("[data-comments-count]")  # giscus has no count API


def test_provider_none_turns_comments_off(build_site):
    built = build_site(COMMENTS_PROVIDER="none")
    assert block(built, "posts/ranges/") is None


def test_publish_refuses_http_scripts(build_site):
    with pytest.raises(SystemExit) as stop:
        build_site(publish=True, COMMENTS_ISSO_URL="http://comments.example.test")
    assert "COMMENTS_ISSO_URL must use https in publish builds" in str(stop.value)


def test_a_typo_in_comments_is_an_error_and_shows_no_form(build_site, caplog):
    caplog.set_level(logging.ERROR)
    built = build_site(
        {"posts/typo.md": "Title: Typo\nDate: 2024-07-01\nComments: closd\n\nx\n"},
        COMMENTS_ISSO_URL=ISSO,
    )
    assert any(
        "posts/typo.md: Comments must be one of open, closed, off, got 'closd'" in r.getMessage()
        for r in caplog.records
    )
    assert block(built, "posts/typo/").select_one("#isso-thread") is None


def test_an_old_engines_comments_true_or_false_is_open_or_off(build_site, caplog):
    # Octopress's `comments: true`, on every post a blog brought: each was an error (a
    # publish stopped), and the thread shown closed
    caplog.set_level(logging.WARNING)
    built = build_site(
        {
            "posts/yes.md": "Title: Yes\nDate: 2024-07-01\ncomments: true\n\nx\n",
            "posts/no.md": "---\ntitle: No\ndate: 2024-07-02\ncomments: false\n---\n\nx\n",
        },
        COMMENTS_ISSO_URL=ISSO,
    )
    assert block(built, "posts/yes/").select_one("#isso-thread") is not None
    assert block(built, "posts/no/") is None
    assert not [r for r in caplog.records if "Comments" in r.getMessage()]


def test_two_posts_with_one_thread_are_an_error_naming_both(build_site, caplog):
    # a new post that reuses an old post's Comment_id would mix their comments, and its
    # Comments: closed would close the old post's thread on the server
    caplog.set_level(logging.ERROR)
    reused = "Title: Reused\nDate: 2024-08-01\nComment_id: ranges\nComments: closed\n\nx\n"
    with pytest.raises(SystemExit):
        build_site(
            {"posts/reused.md": reused}, publish=True, name="shared", **{"COMMENTS_ISSO_URL": ISSO}
        )
    assert [m for m in caplog.messages if "Comment_id" in m] == [
        "shared/posts/reused.md: Comment_id 'ranges' is already the thread of "
        "shared/posts/ranges.md; the two posts would share their comments: give this one "
        "another Comment_id (or none)"
    ]


def test_a_shared_thread_is_blamed_on_the_post_that_wrote_the_comment_id(build_site, caplog):
    # the post with the Comment_id line is older than the one whose slug the thread is: the
    # line still names it, not the post that never wrote one (its advice would move a live
    # thread)
    caplog.set_level(logging.ERROR)
    older = "Title: Older\nDate: 2001-01-01\nComment_id: ranges\n\nx\n"
    build_site({"posts/older.md": older}, name="claimed", COMMENTS_ISSO_URL=ISSO)
    assert [m for m in caplog.messages if "Comment_id" in m] == [
        "claimed/posts/older.md: Comment_id 'ranges' is already the thread of "
        "claimed/posts/ranges.md; the two posts would share their comments: give this one "
        "another Comment_id (or none)"
    ]


def test_a_translation_shares_its_posts_thread(build_site, caplog):
    # the same slug in another language: one conversation, and no error
    caplog.set_level(logging.ERROR)
    french = "Title: Plages\nDate: 2024-03-11\nSlug: ranges\nLang: fr\n\nDes plages.\n"
    built = build_site({"posts/ranges.fr.md": french}, name="translated", COMMENTS_ISSO_URL=ISSO)
    assert not [m for m in caplog.messages if "Comment_id" in m]
    pair = ("posts/ranges/", "fr/posts/ranges/")
    ids = {block(built, p).select_one("#isso-thread")["data-isso-id"] for p in pair}
    assert len(ids) == 1


def test_comments_id_keeps_an_adopted_sites_threads(build_site):
    # Pelican's default theme named a Disqus thread by the post's URL (first-light.html);
    # here the slug alone: every old thread of an adopted site was orphaned, no line
    built = build_site(
        POSTS,
        COMMENTS_PROVIDER="disqus",
        COMMENTS_DISQUS_SHORTNAME="tessellate",
        COMMENTS_ID="{slug}.html",
    )
    section = block(built, "posts/first-light/")
    assert section["data-comments-id"] == "first-light.html"
    assert json.loads(section["data-comments-globals"])["disqus_identifier"] == "first-light.html"
    # a post's own Comment_id still wins; the threads list follows the same identity
    assert block(built, "posts/moved-here/")["data-comments-id"] == "moved-from"
    listed = json.loads(built.text("comments/threads.json"))
    assert "first-light.html" in json.dumps(listed) and "moved-from" in json.dumps(listed)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("html", "names no field of the post: every post would share one thread"),
        ("{slug", "is not a pattern Python can format"),
        ("", "must be a pattern such as '{slug}'"),
    ],
)
def test_a_comments_id_that_is_no_pattern_is_a_settings_error(build_site, value, said):
    with pytest.raises(SystemExit) as stop:
        build_site(COMMENTS_ISSO_URL=ISSO, COMMENTS_ID=value)
    assert said in str(stop.value) and "COMMENTS_ID" in str(stop.value)


def test_a_field_a_post_lacks_is_one_line_and_its_slug_is_its_thread(build_site, caplog):
    caplog.set_level(logging.ERROR)
    built = build_site(POSTS, COMMENTS_ISSO_URL=ISSO, COMMENTS_ID="{slgu}", name="idfield")
    said = [m for m in caplog.messages if "COMMENTS_ID" in m and "ranges.md" in m]
    assert said == [
        "idfield/posts/ranges.md: COMMENTS_ID '{slgu}' cannot be formatted for this post "
        "(KeyError: 'slgu'); its thread is its slug"
    ]
    assert block(built, "posts/ranges/").select_one("#isso-thread")["data-isso-id"] == "ranges"


def test_a_post_whose_slug_changed_is_told_to_keep_its_comments(build_site, caplog):
    # Redirect_from keeps the old address; the thread follows the slug unless Comment_id says
    caplog.set_level(logging.WARNING)
    moved = (
        "Title: How we hire\nDate: 2024-08-01\nSlug: hiring-2026\n"
        "Redirect_from: /posts/how-we-hire/\n\nx\n"
    )
    kept = moved.replace("Redirect_from", "Comment_id: how-we-hire\nRedirect_from")
    imported = moved.replace("/posts/how-we-hire/", "/2019/05/how-we-hire.html")
    files = {"posts/moved.md": moved, "posts/kept.md": kept.replace("hiring-2026", "kept")}
    files["posts/imported.md"] = imported.replace("hiring-2026", "imported")
    built = build_site(files, name="slug-moved", COMMENTS_ISSO_URL=ISSO)
    said = [m for m in caplog.messages if "comments are kept under its slug" in m]
    assert said == [
        "slug-moved/posts/moved.md: its comments are kept under its slug, and it redirects "
        "from the address it had as 'how-we-hire': its thread is now 'hiring-2026', so the "
        "comments written there no longer show; add 'Comment_id: how-we-hire' to keep them (or "
        "'Comment_id: hiring-2026' to start afresh)"
    ]
    thread = block(built, "posts/kept/").select_one("#isso-thread")
    assert thread["data-isso-id"] == "how-we-hire"


def test_a_redirect_from_another_live_posts_address_gives_no_comment_id_advice(build_site, caplog):
    # the redirect is refused (the redirects plugin says why); "add Comment_id: how-we-hire"
    # would take over the live post's comments
    caplog.set_level(logging.WARNING)
    files = {
        "posts/how-we-hire.md": "Title: How we hire\nDate: 2024-08-01\n\nx\n",
        "posts/hiring.md": "Title: Hiring in 2026\nDate: 2024-09-01\nSlug: hiring-2026\n"
        "Redirect_from: /posts/how-we-hire/\n\ny\n",
        # the same for a post in another language, at /fr/posts/culture/
        "posts/culture.md": "Title: Culture\nDate: 2024-08-02\nLang: fr\n\nz\n",
        "posts/values.md": "Title: Values\nDate: 2024-09-02\nSlug: values\n"
        "Redirect_from: /fr/posts/culture/\n\nw\n",
    }
    build_site(files, name="slug-taken", COMMENTS_ISSO_URL=ISSO)
    assert any("/posts/how-we-hire/" in m and "hiring.md" in m for m in caplog.messages)
    assert [m for m in caplog.messages if "Comment_id" in m] == []
