"""Authors whose names are in other scripts (Persian, Chinese, Cyrillic), and posts without an
author line, in real builds: one line per person, one team file each from `invoke team-stubs`,
and the byline, the author card and /team/<slug>/ agreeing."""

import logging

import pytest

from tests.conftest import TEST_SITEURL
from tests.test_team_site import PLUGINS
from tests.test_team_stubs import run_stubs

POST = "Title: {title}\nDate: 2024-05-{day:02d} 10:00\nCategory: Company\n{byline}\n{title}.\n"
# slug of the post: as Pelican makes it from the title (unidecode)
WRITERS = {
    "shrw": ("شروع", "Author: وحید خرازی"),
    "shrw-dwm": ("شروع دوم", "Author: وحید خرازی"),
    "fwnt-jdyd": ("فونت جدید", "Author: سینا محمودی"),
    "xin-nian-kuai-le": ("新年快乐", "Author: 黄俊"),
    "privet": ("Привет", "Author: Иван Петров"),
}
# the file names (and /team/<slug>/) their bylines link to: Pelican's slug of each name
SLUGS = {
    "وحید خرازی": "whyd-khrzy",
    "سینا محمودی": "syn-mhmwdy",
    "黄俊": "huang-jun",
    "Иван Петров": "ivan-petrov",
}
POSTS_OF = {
    "وحید خرازی": ["shrw", "shrw-dwm"],
    "سینا محمودی": ["fwnt-jdyd"],
    "黄俊": ["xin-nian-kuai-le"],
    "Иван Петров": ["privet"],
}


def posts(writers: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {
        f"posts/{slug}.md": POST.format(title=title, day=n, byline=byline)
        for n, (slug, (title, byline)) in enumerate(writers.items(), 1)
    }


def logged(caplog, level) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


def team_lines(caplog, level=logging.WARNING) -> list[str]:
    return sorted(m for m in logged(caplog, level) if "team file" in m or "one name" in m)


def byline(site, post: str) -> tuple[str, str]:
    """The name a post is signed with and where it links."""
    [link] = site.soup(f"posts/{post}/").select("a.post-meta__author")
    return link.select_one(".p-name").get_text(strip=True), link["href"]


def test_four_people_in_other_scripts_are_four_lines_four_files_four_profiles(
    build_site, caplog, capsys
):
    caplog.set_level(logging.WARNING)
    site = build_site(posts(WRITERS), PLUGINS=PLUGINS, name="scripts")
    command = f"invoke team-stubs --content {site.content}"
    # one line per person, with their own count and the file their byline links to already
    assert team_lines(caplog) == sorted(
        [
            "Author 'وحید خرازی' has no team file in scripts/team/ (2 posts, e.g. "
            f"scripts/posts/shrw-dwm.md, scripts/posts/shrw.md); run: {command} "
            "(or add scripts/team/whyd-khrzy.md with 'Name: وحید خرازی')",
            "scripts/posts/fwnt-jdyd.md: Author 'سینا محمودی' has no team file in scripts/team/; "
            "add scripts/team/syn-mhmwdy.md with 'Name: سینا محمودی'",
            "scripts/posts/xin-nian-kuai-le.md: Author '黄俊' has no team file in scripts/team/; "
            "add scripts/team/huang-jun.md with 'Name: 黄俊'",
            "scripts/posts/privet.md: Author 'Иван Петров' has no team file in scripts/team/; "
            "add scripts/team/ivan-petrov.md with 'Name: Иван Петров'",
        ]
    )
    for name, slugs in POSTS_OF.items():
        for post in slugs:
            assert byline(site, post) == (name, f"{TEST_SITEURL}/team/{SLUGS[name]}/")
    capsys.readouterr()

    # team-stubs: one file per person, named as the byline links
    team = site.content / "team"
    out = run_stubs(site.content, capsys)
    for name, slug in SLUGS.items():
        count = len(POSTS_OF[name])
        line = f"{team / slug}.md: written for {name} ({count} post{'s' if count > 1 else ''})"
        assert line in out, out
        assert (team / f"{slug}.md").read_text(encoding="utf-8").startswith(f"Name: {name}\n")
    assert out[-1].startswith("4 team files written: ")
    assert run_stubs(site.content, capsys)[-1].startswith("Nothing written: every author has")

    # with the files, a publish build passes; each post is its own writer's, on their profile
    caplog.clear()
    published = build_site(fixture=None, name="scripts", publish=True, PLUGINS=PLUGINS)
    assert team_lines(caplog) == [] and logged(caplog, logging.ERROR) == []
    for name, slug in SLUGS.items():
        url = f"{TEST_SITEURL}/team/{slug}/"
        for post in POSTS_OF[name]:
            assert byline(published, post) == (name, url)
            [card] = published.soup(f"posts/{post}/").select(".author-card__person h3 a.p-name")
            assert (card.get_text(strip=True), card["href"]) == (name, url)
        profile = published.soup(f"team/{slug}/")
        assert profile.select_one("header.profile h1").get_text(strip=True) == name
        listed = [a["href"] for a in profile.select("article.post-card h2 a")]
        assert sorted(listed) == sorted(f"{TEST_SITEURL}/posts/{p}/" for p in POSTS_OF[name])


def test_one_transliteration_two_names_two_profiles(build_site, caplog, capsys):
    # '黄俊' and '皇俊' are both huang-jun to Pelican, and a colleague has team/huang-jun.md
    caplog.set_level(logging.WARNING)
    writers = {
        "a": ("A", "Author: 黄俊"),
        "b": ("B", "Author: 皇俊"),
        "c": ("C", "Author: Huang Jun"),
    }
    files = {**posts(writers), "team/huang-jun.md": "Name: Huang Jun\n\nA colleague.\n"}
    site = build_site(files, PLUGINS=PLUGINS, name="homophones")
    assert byline(site, "c") == ("Huang Jun", f"{TEST_SITEURL}/team/huang-jun/")
    # the others are not on his profile: each has a free slug (the first by name: -2)
    assert byline(site, "b") == ("皇俊", f"{TEST_SITEURL}/team/huang-jun-2/")
    assert byline(site, "a") == ("黄俊", f"{TEST_SITEURL}/team/huang-jun-3/")
    listed = [a["href"] for a in site.soup("team/huang-jun/").select("article.post-card h2 a")]
    assert listed == [f"{TEST_SITEURL}/posts/c/"]
    assert sorted(m.rsplit("add ", 1)[1] for m in team_lines(caplog)) == [
        "homophones/team/huang-jun-2.md with 'Name: 皇俊'",
        "homophones/team/huang-jun-3.md with 'Name: 黄俊'",
    ]
    capsys.readouterr()
    out = run_stubs(site.content, capsys)  # the same file names as the build gave
    assert out[:2] == [
        f"{site.content}/team/huang-jun-2.md: written for 皇俊 (1 post)",
        f"{site.content}/team/huang-jun-3.md: written for 黄俊 (1 post)",
    ]
    caplog.clear()
    again = build_site(fixture=None, name="homophones", publish=True, PLUGINS=PLUGINS)
    assert team_lines(caplog) == [] and logged(caplog, logging.ERROR) == []
    assert byline(again, "a") == ("黄俊", f"{TEST_SITEURL}/team/huang-jun-3/")
    assert byline(again, "b") == ("皇俊", f"{TEST_SITEURL}/team/huang-jun-2/")


@pytest.mark.parametrize(
    ("names", "separator"),
    [("وحید خرازی، سینا محمودی", "،"), ("黄俊，王芳", "，"), ("黄俊、王芳", "、")],
)
def test_a_list_with_another_scripts_comma_is_named(build_site, caplog, capsys, names, separator):
    caplog.set_level(logging.WARNING)
    site = build_site(
        posts({"x": ("X", f"Authors: {names}")}), PLUGINS=PLUGINS, name=f"lists-{ord(separator)}"
    )
    folder = site.content.name
    fixed = ", ".join(name.strip() for name in names.split(separator))
    line = (
        f"{folder}/posts/x.md: Authors {names!r} is read as one name: names are separated by "
        f"',' (or ';'), not {separator!r}; write 'Authors: {fixed}'"
    )
    assert team_lines(caplog) == [line]
    capsys.readouterr()
    out = run_stubs(site.content, capsys)  # no team file for a list read as one name
    assert out == [line.replace(f"{folder}/", f"{site.content}/", 1), "Nothing written."]


def test_posts_without_an_author_line_are_one_line_and_team_stubs_writes_authors_file(
    build_site, caplog, capsys
):
    caplog.set_level(logging.WARNING)
    unsigned = {
        f"posts/old-{n}.md": POST.format(title=f"Old {n}", day=n, byline="") for n in (1, 2, 3)
    }
    site = build_site(unsigned, PLUGINS=PLUGINS, name="unsigned", publish=True)
    command = f"invoke team-stubs --content {site.content}"
    # a publish build says so (once) and goes on: signing by the site is Pelican's idiom
    assert [m for m in logged(caplog, logging.WARNING) if "Author: line" in m] == [
        "3 posts have no Author: line (unsigned/posts/old-1.md, unsigned/posts/old-2.md, ...), "
        "so they are signed 'Tessellate' (AUTHOR in pelicanconf.py), who has no team file; add "
        "Author: lines, or set AUTHOR to the name of the one who wrote them; then give them a "
        f"team file (run: {command})"
    ]
    assert logged(caplog, logging.ERROR) == []
    capsys.readouterr()
    assert run_stubs(site.content, capsys)[0] == (
        f"{site.content}/team/tessellate.md: written for Tessellate (3 posts, all without an "
        "Author: line, so signed by AUTHOR in pelicanconf.py: if someone else wrote them, set "
        "AUTHOR to their name, delete this file and run this again)"
    )
    # AUTHOR with a team file: the posts are that person's, card and all; no line
    caplog.clear()
    again = build_site(fixture=None, name="unsigned", publish=True, PLUGINS=PLUGINS)
    assert [m for m in logged(caplog, logging.WARNING) if "Author: line" in m] == []
    assert byline(again, "old-1") == ("Tessellate", f"{TEST_SITEURL}/team/tessellate/")
    [card] = again.soup("posts/old-2/").select(".author-card__person h3 a.p-name")
    assert card.get_text(strip=True) == "Tessellate"


def test_posts_without_an_author_line_are_authors_when_authors_file_exists(build_site, caplog):
    # an adopted personal blog: AUTHOR set to the old site's, with a team file for them
    caplog.set_level(logging.WARNING)
    files = {
        "posts/old.md": POST.format(title="Old", day=1, byline=""),
        "team/klaus.md": "Name: Klaus Laube\nRole: Writer\n\nKlaus writes.\n",
    }
    site = build_site(files, PLUGINS=PLUGINS, name="klaus", AUTHOR="Klaus Laube")
    assert [m for m in logged(caplog, logging.WARNING) if "Author" in m] == []
    assert byline(site, "old") == ("Klaus Laube", f"{TEST_SITEURL}/team/klaus/")
    card = site.soup("posts/old/").select_one(".author-card__person")
    assert card.select_one(".author-card__role").get_text(strip=True) == "Writer"
    listed = [a["href"] for a in site.soup("team/klaus/").select("article.post-card h2 a")]
    assert listed == [f"{TEST_SITEURL}/posts/old/"]
