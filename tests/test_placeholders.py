"""`make new-post`'s placeholder text is never published (probe 8 finding 11): a new post
whose Status: draft was removed before anything was written went out as "Write your post
here." on the home page, in the feeds and in search, with no line."""

import logging

import pytest

from plugins.blogcore import placeholders
from tests.test_publish import _invoke


@pytest.mark.parametrize(
    ("html", "placeholder"),
    [
        ("<p>Write your post here.</p>", True),
        ("<p>Write your post\nhere.</p>\n", True),
        ("<p>Write your post here.</p><p>And here it is.</p>", False),
        ("<p>Our post. Write your post here. Done.</p>", False),
        ("<p>A post.</p>", False),
    ],
)
def test_is_new_post_text(html, placeholder):
    assert placeholders.is_new_post_text(html) is placeholder


def test_new_posts_text_published_is_an_error_as_a_draft_nothing(tmp_path, build_site, caplog):
    folder = tmp_path / "new-post"
    result = _invoke("new-post", "Our open day", "--author", "Ada Byrne", "--content", str(folder))
    assert result.returncode == 0, result.stderr
    text = (folder / "posts" / "our-open-day.md").read_text(encoding="utf-8")
    assert placeholders.NEW_POST_TEXT in text  # what the task writes is what the check knows
    caplog.set_level(logging.WARNING)
    build_site({"posts/our-open-day.md": text}, name="drafted")
    assert not [m for m in caplog.messages if "make new-post" in m]
    published = text.replace("Status: draft\n", "")
    caplog.clear()
    site = build_site({"posts/our-open-day.md": published}, name="undrafted")
    assert not site.exists("posts/our-open-day/index.html")
    [line] = [m for m in caplog.messages if "make new-post" in m]
    assert line == f"undrafted/posts/our-open-day.md: {placeholders.LINE}"
    with pytest.raises(SystemExit):
        build_site({"posts/our-open-day.md": published}, publish=True, name="undrafted-pub")
    written = published.replace(placeholders.NEW_POST_TEXT, "The hall opens at ten.")
    site = build_site({"posts/our-open-day.md": written}, publish=True, name="filled-in")
    assert "The hall opens at ten." in site.text("posts/our-open-day/index.html")


@pytest.mark.parametrize(
    ("existing", "said"),
    [
        (
            "Title: Our day\nSlug: open-day\nDate: 2024-05-01\n\nx\n",
            "/posts/open-day/ is the address of {path} (its Slug or title) already",
        ),
        (
            "Title: Open Day!\nDate: 2024-05-01\n\nx\n",  # its title makes the same slug
            "/posts/open-day/ is the address of {path} (its Slug or title) already",
        ),
        (
            "Title: Visits\nDate: 2024-05-01\nRedirect_from: /posts/open-day/, /visit/\n\nx\n",
            "/posts/open-day/ is an old address {path} redirects from (Redirect_from) already",
        ),
    ],
)
def test_new_post_refuses_an_address_another_post_has(tmp_path, existing, said):
    # it checked the file name only: the new post was then skipped by the build (the older
    # keeps an address), or the older one's redirect refused, the line blaming the older one
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "visits-2024.md").write_text(existing, encoding="utf-8")
    result = _invoke("new-post", "Open day", "--author", "Ada Byrne", "--content", str(content))
    assert result.returncode != 0
    path = content / "posts" / "visits-2024.md"
    assert said.format(path=path) in result.stdout + result.stderr, result.stderr
    assert not (content / "posts" / "open-day.md").exists()
