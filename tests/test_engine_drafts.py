"""A publish build writes no draft, whatever the draft's own Save_as says (engine/drafts.py)."""

import pytest

SECRET = "Zebracorn launch plan"


def post(status: str, save_as: str) -> str:
    return (
        f"Title: {SECRET}\nDate: 2024-05-01 10:00\nCategory: Company\nAuthor: Ada Byrne\n"
        f"Status: {status}\nSave_as: {save_as}\n\nThe {SECRET}, not ready yet.\n"
    )


def page(status: str, save_as: str) -> str:
    return f"Title: {SECRET} page\nStatus: {status}\nSave_as: {save_as}\n\nThe {SECRET}.\n"


def files_with(secret: bytes, root) -> list[str]:
    found = (p for p in root.rglob("*") if p.is_file() and secret in p.read_bytes())
    return sorted(str(p.relative_to(root)) for p in found)


def test_a_draft_with_its_own_save_as_is_not_published(build_site):
    site = build_site(
        {
            "posts/launch.md": post("draft", "launch.html"),
            "pages/plan.md": page("draft", "plan/index.html"),
            # a post dated later is a draft until then
            "posts/later.md": post("published", "later.html").replace("2024-05-01", "2099-01-01"),
        },
        publish=True,
    )
    for path in ("launch.html", "plan/index.html", "later.html"):
        assert not site.exists(path), path
    assert files_with(SECRET.encode(), site.output) == []


@pytest.mark.parametrize(("status", "where"), [("hidden", "hidden.html"), ("published", "p.html")])
def test_a_page_out_by_its_status_keeps_its_save_as(build_site, status, where):
    site = build_site({"pages/p.md": page(status, where)}, publish=True)
    assert SECRET in site.soup(where).get_text()


def test_a_development_build_previews_the_draft_where_it_says(build_site):
    site = build_site({"posts/launch.md": post("draft", "launch.html")})
    assert SECRET in site.soup("launch.html").get_text()


def _made(kind: type, status: str):
    """A Pelican post or page read with a DEFAULT_CATEGORY, as Pelican's readers give one
    to pages too (when CATEGORY_SAVE_AS is set)."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Category

    settings = {**DEFAULT_CONFIG}
    metadata = {"title": f"A {kind.__name__}", "status": status, "slug": kind.__name__.lower()}
    metadata["category"] = Category("misc", settings)
    return kind("<p>Text.</p>", metadata=metadata, settings=settings)


@pytest.mark.parametrize(
    ("draft_save_as", "draft_page_save_as", "kept"),
    [
        ("drafts/{slug}.html", "", ["Article"]),  # a draft page has a category: still a page
        ("", "drafts/pages/{slug}.html", ["Page"]),
        ("", "", []),
        ("drafts/{slug}.html", "drafts/pages/{slug}.html", ["Article", "Page"]),
    ],
)
def test_a_draft_is_written_by_its_own_kinds_setting(draft_save_as, draft_page_save_as, kept):
    from pelican.contents import Article, Page

    from plugins.engine.items import written

    settings = {"DRAFT_SAVE_AS": draft_save_as, "DRAFT_PAGE_SAVE_AS": draft_page_save_as}
    drafts = [_made(Article, "draft"), _made(Page, "draft")]
    assert [type(item).__name__ for item in written(drafts, settings)] == kept
