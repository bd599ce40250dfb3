"""Content folders named in another case than the settings name them (content/Pages/)."""

import logging

import pytest

from plugins.blogcore import folders

SETTINGS = {
    "ARTICLE_PATHS": ["posts", ""],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images", "extra"],
    "TEAM_PATH": "team",
    "GALLERY_PATH": "galleries",
}


@pytest.mark.parametrize(
    "files, expected",
    [
        (["Pages/about.md"], [("Pages", "pages")]),
        (["Team/jo.md", "Posts/a.md", "Galleries/trip/gallery.md"], None),
        (["pages/about.md", "posts/a.md", "notes/x.md"], []),  # as named, or not named at all
        (["Pages/about.md", "pages/team.md"], [("Pages", "pages")]),  # both on a Linux disk
        (["posts/Pages/x.md"], []),  # below a folder: not the pages folder
        (["Images/a.png", "Images/b.png"], [("Images", "images")]),  # one per folder
        (["PAGES/about.md"], [("PAGES", "pages")]),
    ],
)
def test_a_folder_in_another_case_is_found(files, expected):
    known = folders.named_folders(SETTINGS)
    found = folders.case_mismatches(files, known)
    if expected is None:
        expected = [("Galleries", "galleries"), ("Posts", "posts"), ("Team", "team")]
    assert found == expected


def test_an_ignored_folder_is_not_named():
    known = folders.named_folders(SETTINGS)
    assert folders.case_mismatches(["Pages/x.md"], known, ["Pages"]) == []


def test_named_folders_say_their_setting():
    known = folders.named_folders({**SETTINGS, "SERIES_PATH": "series/"})
    assert known["pages"] == ("PAGE_PATHS", "pages")
    assert known["series"] == ("SERIES_PATH", "series files")
    assert "" not in known


PAGE = "Title: About us\nDate: 2025-01-01\n\nWho we are.\n"


def _folder_lines(caplog, name: str) -> dict[str, tuple[str, str]]:
    found = {}
    for record in caplog.records:
        where, _, message = record.getMessage().partition(": ")
        if where.startswith(f"{name}/") and message.startswith("folder names are"):
            found[where] = (record.levelname, message)
    return found


def test_a_capital_pages_folder_is_one_line_naming_the_rename(build_site, caplog):
    # content/Pages/about.md was published at /posts/about-us/, and its only line said
    # "move it to content/posts/ if it is a post"
    caplog.set_level(logging.WARNING)
    files = {"Pages/about.md": PAGE, "Pages/jobs.md": PAGE.replace("About us", "Jobs")}
    build_site(files, name="case-pages")
    assert _folder_lines(caplog, "case-pages") == {
        "case-pages/Pages/": (
            "WARNING",
            "folder names are case-sensitive and PAGE_PATHS names pages/, not Pages/: its "
            "files are read as posts, not as pages; rename the folder to pages/",
        )
    }
    # one line for the folder, not the posts-elsewhere line for each of its files
    assert not [m for m in caplog.messages if m.startswith("case-pages/Pages/about.md")]


def test_a_capital_team_folder_fails_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site({"Team/jo.md": PAGE}, publish=True, name="case-team")
    assert _folder_lines(caplog, "case-team") == {
        "case-team/Team/": (
            "ERROR",
            "folder names are case-sensitive and TEAM_PATH names team/, not Team/: its "
            "files are read as posts, not as team files; rename the folder to team/",
        )
    }


def test_a_page_without_a_date_in_a_capital_pages_folder_is_the_folders_line_only(
    build_site, caplog
):
    # content/Pages/about.md without a Date: was also "has no Date: line; ... (a post needs a
    # date)", which renaming the folder (a page needs none) answers; a Posts/ post still needs one
    caplog.set_level(logging.WARNING)
    undated = "Title: About us\n\nWho we are.\n"
    build_site({"Pages/about.md": undated, "Posts/news.md": undated}, name="case-undated")
    assert set(_folder_lines(caplog, "case-undated")) == {
        "case-undated/Pages/",
        "case-undated/Posts/",
    }
    about = [m for m in caplog.messages if m.startswith("case-undated/Pages/about.md")]
    assert about == []
    news = [m for m in caplog.messages if m.startswith("case-undated/Posts/news.md")]
    assert news == [
        "case-undated/Posts/news.md: has no Date: line; add one such as Date: 2025-03-14 (a post "
        "needs a date)"
    ]
