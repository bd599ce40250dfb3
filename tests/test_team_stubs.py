"""An adopted site's authors: one log line per person without a team file (not one per post),
and `invoke team-stubs`, which writes their team files."""

import logging

import pytest
from invoke import Context

import tasks
from plugins.team import people
from tests.test_team_site import PLUGINS

JANE = (
    "Title: Old post {n}\nDate: 2020-01-{n:02d} 10:00\nCategory: Company\n{key}: {name}\n\nOld.\n"
)
TWELVE = {
    f"posts/old-{n:02d}.md": JANE.format(n=n, key="Author", name="Jane Doe") for n in range(1, 13)
}
TYPO = {"posts/typo.md": JANE.format(n=20, key="Authors", name="Ada Byrn, Cleo Park")}


def logged(caplog, level) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


def about(name: str, messages: list[str]) -> list[str]:
    return [m for m in messages if repr(name) in m]


# --- the log -------------------------------------------------------------------------------


def test_an_author_of_twelve_posts_without_a_team_file_is_one_line(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({**TWELVE, **TYPO}, PLUGINS=PLUGINS, name="twelve")
    warnings = logged(caplog, logging.WARNING)
    command = f"invoke team-stubs --content {site.content}"
    assert about("Jane Doe", warnings) == [
        "Author 'Jane Doe' has no team file in twelve/team/ (12 posts, e.g. "
        f"twelve/posts/old-01.md, twelve/posts/old-02.md, ...); run: {command} "
        "(or add twelve/team/jane-doe.md with 'Name: Jane Doe')"
    ]
    # a near-miss of someone's name is a typo in one post: that post's own line
    assert about("Ada Byrn", warnings) == [
        "twelve/posts/typo.md: Authors 'Ada Byrn' has no team file in twelve/team/ "
        "(did you mean 'Ada Byrne'?)"
    ]
    assert logged(caplog, logging.ERROR) == []
    assert site.exists("posts/old-post-12/")  # built, with the name as written


def test_the_one_line_is_an_error_in_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(SystemExit):
        build_site(TWELVE, publish=True, PLUGINS=PLUGINS, name="twelve-publish")
    errors = about("Jane Doe", logged(caplog, logging.ERROR))
    assert len(errors) == 1 and "(12 posts, e.g." in errors[0], errors
    assert about("Jane Doe", logged(caplog, logging.WARNING)) == []


def test_drafts_alone_only_warn_in_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    drafts = {p: t.replace("Author:", "Status: draft\nAuthor:") for p, t in TWELVE.items()}
    build_site(drafts, publish=True, PLUGINS=PLUGINS, name="twelve-drafts")
    assert len(about("Jane Doe", logged(caplog, logging.WARNING))) == 1
    assert logged(caplog, logging.ERROR) == []


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        (
            ["content/posts/b.md", "content/posts/a.md"],
            "Author 'Jane Doe' has no team file in content/team/ (2 posts, e.g. "
            "content/posts/a.md, content/posts/b.md); run: invoke team-stubs "
            "(or add content/team/jane-doe.md with 'Name: Jane Doe')",
        ),
        (
            [f"content/posts/{n}.md" for n in "abc"],
            "Author 'Jane Doe' has no team file in content/team/ (3 posts, e.g. "
            "content/posts/a.md, content/posts/b.md, ...); run: invoke team-stubs "
            "(or add content/team/jane-doe.md with 'Name: Jane Doe')",
        ),
        (  # one post: the line names it, as before
            ["content/posts/a.md"],
            "content/posts/a.md: Authors 'Jane Doe' has no team file in content/team/; "
            "add content/team/jane-doe.md with 'Name: Jane Doe'",
        ),
    ],
)
def test_unknown_author_summary(posts, expected):
    problem = people.unknown_author_summary(
        "Jane Doe", "authors", posts, "content/team", "invoke team-stubs", error=False
    )
    assert str(problem) == expected and not problem.error


def test_a_stub_is_a_team_file_with_a_name_and_nothing_to_show(tmp_path):
    stub = tmp_path / "zoe-ng.md"
    stub.write_text(people.stub_text("Zoë Ng"), encoding="utf-8")
    metadata = tasks._front_matter(stub)
    person, problems = people.parse_person("zoe-ng", "x.md", metadata, "", lambda _: True)
    assert problems == [] and person.name == "Zoë Ng" and person.role == ""


def test_a_stub_left_as_it_is_is_named_in_the_build(build_site, caplog):
    # its profile went out with no role and no bio, and no line said the file was a stub
    caplog.set_level(logging.WARNING)
    site = build_site(
        {"team/zoe-ng.md": people.stub_text("Zoë Ng")}, publish=True, name="stub-left"
    )
    assert site.exists("team/zoe-ng/index.html")  # a sparse profile, not a wrong one
    [line] = [m for m in caplog.messages if "team-stubs" in m]
    assert line == (
        "stub-left/team/zoe-ng.md: is still the stub invoke team-stubs wrote: its profile "
        "shows no role and no bio; complete Role and write the bio in place of the comment"
    )
    caplog.clear()
    done = people.stub_text("Zoë Ng").replace("Role:", "Role: Designer").split("<!--")[0]
    build_site({"team/zoe-ng.md": done + "Zoë draws the booking screens.\n"}, name="stub-done")
    assert not [m for m in caplog.messages if "team-stubs" in m]


# --- invoke team-stubs ---------------------------------------------------------------------


def run_stubs(content, capsys) -> list[str]:
    tasks.team_stubs(Context(), content=str(content))
    return capsys.readouterr().out.splitlines()


def test_team_stubs_writes_the_missing_files_once(build_site, tmp_path, caplog, capsys):
    site = build_site(
        {
            **TWELVE,
            **TYPO,
            # the other ways of naming people: a page, reST, HTML, an alias, two spellings
            "pages/history.md": "Title: History\nAuthor: Rex Root\n\nSince 1990.\n",
            "posts/rst.rst": "Notes\n#####\n\n:date: 2020-03-01\n:authors: Ines Ito; Bo L.\n\n"
            "Text.\n",
            "posts/html.html": '<html><head><title>Old</title><meta name="date" '
            'content="2020-03-02"><meta name="authors" content="jane doe"></head>'
            "<body><p>Text.</p></body></html>",
            "team/keep-me.md": "Name: Keep Me\n\nAlready here.\n",
            "team/ines-ito.txt": "not a team file: ines-ito.md is free",
        },
        PLUGINS=PLUGINS,
        name="stubs",
    )
    capsys.readouterr()  # Pelican's summary
    team = site.content / "team"
    out = run_stubs(site.content, capsys)
    jane, rex, ines = (team / f"{slug}.md" for slug in ("jane-doe", "rex-root", "ines-ito"))
    assert out[:3] == [
        f"{ines}: written for Ines Ito (1 post)",
        f"{jane}: written for Jane Doe (13 posts)",
        f"{rex}: written for Rex Root (1 post)",
    ]
    assert out[3] == (
        f"{site.content}/posts/typo.md: Author 'Ada Byrn' is not in the team (did you mean "
        f"'Ada Byrne'?); correct the post, or write {team}/ada-byrn.md yourself"
    )
    assert out[4:] == [
        "3 team files written: ines-ito.md, jane-doe.md, rex-root.md; "
        "complete their Role, Photo and bio."
    ]
    assert jane.read_text(encoding="utf-8") == people.stub_text("Jane Doe")
    assert not (team / "ada-byrn.md").exists() and not (team / "bo-l.md").exists()

    # idempotent: nothing written the second time, nothing overwritten
    jane.write_text("Name: Jane Doe\nRole: Editor\n\nJane edits.\n", encoding="utf-8")
    assert run_stubs(site.content, capsys)[-1] == "Nothing written."  # the typo is left
    assert "Role: Editor" in jane.read_text(encoding="utf-8")
    assert (team / "keep-me.md").read_text(encoding="utf-8") == "Name: Keep Me\n\nAlready here.\n"

    # the build now knows everyone but the typo; the stub's note is not published
    (site.content / "posts/typo.md").write_text(TYPO["posts/typo.md"].replace("Byrn", "Byrne"))
    caplog.clear()
    caplog.set_level(logging.WARNING)
    rebuilt = build_site(fixture=None, name="stubs", PLUGINS=PLUGINS)
    assert [m for m in logged(caplog, logging.WARNING) if "team file" in m] == []
    assert logged(caplog, logging.ERROR) == []
    rex_page = rebuilt.text("team/rex-root/")
    assert "Rex Root" in rex_page and "stub" not in rex_page
    assert "stub" not in rebuilt.text("posts/old-post-1/")


def test_team_stubs_in_a_folder_without_authors(tmp_path, capsys):
    content = tmp_path / "content"
    # a page without an author line is nobody's (a post's is AUTHOR's: test_team_scripts.py)
    (content / "pages").mkdir(parents=True)
    (content / "pages/anon.md").write_text("Title: A\nDate: 2020-01-01\n\nNo byline.\n")
    assert run_stubs(content, capsys) == [
        f"Nothing written: every author has a team file in {content}/team/."
    ]
    assert not (content / "team").exists()


def test_team_stubs_writes_no_file_for_someone_who_signs_only_withheld_posts(tmp_path, capsys):
    # a stub's profile is published: /team/ named an embargoed hire before their post went out
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    post = "Title: {t}\nDate: {d}\nCategory: Company\nAuthor: {a}\n{extra}\nText.\n"
    files = {
        "hire.md": post.format(t="Hello", d="2024-05-01", a="Zara Quill", extra="Status: draft"),
        "ahead.md": post.format(t="Soon", d="2999-01-01", a="Ugo Vale", extra=""),
        "ahead-and-out.md": post.format(t="Out", d="2024-05-02", a="Ugo Vale", extra=""),
        "both.md": post.format(t="Both", d="2024-05-03", a="Wen Ito", extra="Status: Draft "),
        "both-2.md": post.format(t="Both 2", d="2999-01-02", a="Wen Ito", extra=""),
    }
    for name, text in files.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")
    out = run_stubs(content, capsys)
    team = content / "team"
    assert sorted(p.name for p in team.iterdir()) == ["ugo-vale.md"]  # one post is out
    assert (
        "Wen Ito signs only posts not published yet "
        f"({content}/posts/both-2.md and 1 more): no team file written, so /team/ does not "
        "name them before their post goes out; run this again when it is published (a "
        "publish build names the missing file then)"
    ) in out
    assert any(line.startswith("Zara Quill signs only posts not published yet") for line in out)
