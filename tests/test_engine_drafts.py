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
