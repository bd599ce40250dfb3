"""An adopted site's authors: one log line per person without a team file (not one per post),
and `invoke team-stubs`, which writes their team files."""

import datetime
import logging
import time
from zoneinfo import ZoneInfo

import pytest
from invoke import Context

import pelicanconf
import tasks
from plugins.team import people
from tests.conftest import builds_ended
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


def test_the_build_s_count_is_of_posts_only(build_site, caplog):
    # team-stubs took an About page for a post ("91 posts"); the build's line counts what it
    # calls posts: a page has no byline here, so its Author: is neither counted nor named
    caplog.set_level(logging.WARNING)
    page = "Title: About Jane\nAuthor: Jane Doe\n\nAbout.\n"
    files = {k: v for k, v in TWELVE.items() if k < "posts/old-03"}
    site = build_site({**files, "pages/jane.md": page}, PLUGINS=PLUGINS, name="postsonly")
    assert about("Jane Doe", logged(caplog, logging.WARNING)) == [
        "Author 'Jane Doe' has no team file in postsonly/team/ (2 posts, e.g. "
        "postsonly/posts/old-01.md, postsonly/posts/old-02.md); run: invoke team-stubs "
        f"--content {site.content} (or add postsonly/team/jane-doe.md with 'Name: Jane Doe')"
    ]


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
    """What `invoke team-stubs --content <content>` prints, one line each."""
    # its Readers are blogcore's once a build in this process registered the plugins: the
    # build they open for the task's own settings would stay open, a logger left at INFO
    with builds_ended():
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
        f"{rex}: written for Rex Root (1 page)",  # his About page is no post
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


def test_team_stubs_counts_pages_apart_from_posts(tmp_path, capsys):
    # 0x7df.github.io's 89 posts and 2 pages were "91 posts"
    content = tmp_path / "content"
    for relpath in ("posts/a.md", "posts/b.md", "pages/about.md"):
        (content / relpath).parent.mkdir(parents=True, exist_ok=True)
        (content / relpath).write_text(
            "Title: T\nDate: 2020-01-01\nAuthor: Ada Lovel\n\nText.\n", encoding="utf-8"
        )
    out = run_stubs(content, capsys)
    assert out[0] == f"{content}/team/ada-lovel.md: written for Ada Lovel (2 posts and 1 page)"


def test_team_stubs_says_nothing_of_a_language_docutils_lacks(
    tmp_path, capsys, caplog, monkeypatch
):
    # an adopted Portuguese blog's reST posts: Pelican's reader printed "Docutils has no
    # localization for 'pt'. Using 'en' instead.", naming no file and no setting (the build
    # names the setting and what to do)
    conf = tmp_path / "portuguese.py"  # Pelican loads it under its own name
    conf.write_text("from pelicanconf import *\nDEFAULT_LANG = 'pt'\n", encoding="utf-8")
    monkeypatch.setattr(tasks, "DEV_CONF", conf)
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "sprint.rst").write_text(
        "Primeiro sprint\n===============\n:date: 2015-07-23\n:author: Rui Lobo\n\nTexto.\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        out = run_stubs(content, capsys)
    assert out[0] == f"{content}/team/rui-lobo.md: written for Rui Lobo (1 post)"
    # (a build earlier in this process leaves blogcore's reader connected, and its own line)
    said = [r.getMessage() for r in caplog.records if r.name == "pelican.readers"]
    assert not said, "a line the build says better"


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


@pytest.fixture
def computer_zone(monkeypatch):
    """Run in another zone than the site's, as a writer's laptop in Tokyo or Los Angeles."""

    def move(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield move
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("zone", "hours", "written"),
    [
        ("Asia/Tokyo", 2, []),  # due in two hours in London: not out yet, even seen from Tokyo
        ("America/Los_Angeles", -2, ["kai-moss.md"]),  # out two hours ago, even seen from LA
    ],
)
def test_team_stubs_reads_a_date_in_the_sites_zone(
    tmp_path, capsys, computer_zone, zone, hours, written
):
    # the computer's own time was compared with a Date the build reads in TIMEZONE: a stub
    # named a post's author before it went out, or none was written for one that had
    computer_zone(zone)
    site = ZoneInfo(pelicanconf.TIMEZONE)
    when = datetime.datetime.now(site) + datetime.timedelta(hours=hours)
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "soon.md").write_text(
        f"Title: Soon\nDate: {when:%Y-%m-%d %H:%M}\nCategory: Company\nAuthor: Kai Moss\n\nText.\n",
        encoding="utf-8",
    )
    run_stubs(content, capsys)
    team = content / "team"
    files = sorted(p.name for p in team.iterdir()) if team.is_dir() else []
    assert files == written


# --- e-mail addresses in author lines (old Blogger and WordPress exports) -------------------

RUI, OLD = "rui@tessellate.example", "rui.t@tessellate.example"
# as an old Blogger export signs one man: several names, two addresses, and a colleague who
# posted once from his account
SIGNED = [
    *[f"Rui ({RUI})"] * 3,
    f"Rui <{RUI}>",
    f"Rui ({OLD})",
    *[f"Rui Tavares ({OLD.title()})"] * 2,
    "Rui Tavares",
    "Rui",
    f"Noor ({OLD})",
]
ADDRESSED = {
    f"posts/signed-{n:02d}.md": JANE.format(n=n + 1, key="Author", name=name)
    for n, name in enumerate(SIGNED)
}


def published_addresses(output) -> list[str]:
    """Every output file that holds one of the addresses, in any case."""
    return sorted(
        str(path.relative_to(output))
        for path in output.rglob("*")
        if path.is_file()
        and any(a in path.read_bytes().decode("utf-8", "replace").casefold() for a in (RUI, OLD))
    )


def test_an_address_in_an_author_line_is_never_published(build_site, caplog):
    # bylines on every such post published 'Rui (rui@tessellate.example)', each form its own
    # person with the address in the name, and the line said to add a team file named so
    caplog.set_level(logging.WARNING)
    site = build_site(ADDRESSED, PLUGINS=PLUGINS, name="signed")
    assert published_addresses(site.output) == []
    byline = site.soup("posts/old-post-1/").select_one(".post-meta__author")
    assert byline.get_text(strip=True).endswith("Rui Tavares")
    assert byline["href"].endswith("/team/rui-tavares/")
    profiles = sorted(p.name for p in (site.output / "team").iterdir() if p.is_dir())
    assert [p for p in profiles if p.startswith(("rui", "noor"))] == ["noor", "rui-tavares"]

    warnings = logged(caplog, logging.WARNING)
    lines = [m for m in warnings if "e-mail address" in m]
    assert len(lines) == 5  # one per form with an address, not one per post
    assert about(f"Rui ({RUI})", lines) == [
        f"Author 'Rui ({RUI})' has an e-mail address in it (3 posts, e.g. "
        "signed/posts/signed-00.md, signed/posts/signed-01.md, ...): read as 'Rui', the "
        "address left out (a byline would publish it); write 'Author: Rui Tavares', or give "
        "signed/team/rui-tavares.md 'Aliases: Rui'"
    ]
    [summary] = about("Rui Tavares", [m for m in warnings if "has no team file" in m])
    assert summary.startswith("Author 'Rui Tavares' has no team file in signed/team/ (9 posts")
    assert summary.endswith(
        "(or add signed/team/rui-tavares.md with 'Name: Rui Tavares' and 'Aliases: Rui')"
    )
    assert logged(caplog, logging.ERROR) == []


def test_with_a_team_file_an_address_is_a_warning_and_a_publish_goes_on(build_site, caplog):
    # the address is left out of every build: stopping a publish protects no one, and an
    # adopted blog's hundreds of old posts would keep it from going out
    caplog.set_level(logging.WARNING)
    site = build_site(
        {
            **{p: t for p, t in ADDRESSED.items() if "Noor" not in t},
            "team/rui-tavares.md": "Name: Rui Tavares\nRole: Editor\nAliases: Rui\n\nRui edits.\n",
        },
        publish=True,
        PLUGINS=PLUGINS,
        name="signed-team",
    )
    assert published_addresses(site.output) == []
    for n in range(1, 10):
        byline = site.soup(f"posts/old-post-{n}/").select_one(".post-meta__author")
        assert byline["href"].endswith("/team/rui-tavares/"), n
    assert logged(caplog, logging.ERROR) == []
    lines = [m for m in logged(caplog, logging.WARNING) if "e-mail address" in m]
    # 'Rui' is the file's alias already: only the address is to go
    assert len(lines) == 4 and all(m.endswith("write 'Author: Rui Tavares'") for m in lines), lines


def test_team_stubs_writes_one_file_for_the_forms_of_one_person(build_site, capsys, caplog):
    # 7 stubs for one man before, 'adam-keflavichgmailcom.md' among them, 7 on /team/
    site = build_site(ADDRESSED, PLUGINS=PLUGINS, name="signed-stubs")
    capsys.readouterr()
    out = run_stubs(site.content, capsys)
    team = site.content / "team"
    assert sorted(p.name for p in team.iterdir() if p.name.startswith(("rui", "noor"))) == [
        "noor.md",
        "rui-tavares.md",
    ]
    assert (team / "rui-tavares.md").read_text(encoding="utf-8") == people.stub_text(
        "Rui Tavares", ("Rui",)
    )
    assert f"{team}/rui-tavares.md: written for Rui Tavares (9 posts, also signing Rui)" in out
    assert (
        f"{team}/noor.md: Noor signs with the e-mail address of 'Rui Tavares' too: if they are "
        "one person, delete this file and add 'Aliases: Noor' to theirs"
    ) in out
    assert not any("@" in line for line in out)

    caplog.clear()
    caplog.set_level(logging.WARNING)
    rebuilt = build_site(fixture=None, name="signed-stubs", PLUGINS=PLUGINS)
    assert about("Rui Tavares", [m for m in caplog.messages if "has no team file" in m]) == []
    cards = [a.get_text(strip=True) for a in rebuilt.soup("team/").select(".team-card h3 a")]
    assert [c for c in cards if c.startswith(("Rui", "Noor"))] == ["Noor", "Rui Tavares"]
    assert published_addresses(rebuilt.output) == []


def test_an_address_in_the_site_author_is_never_published(build_site, caplog):
    # posts without an author line are AUTHOR's: its address was their byline
    caplog.set_level(logging.WARNING)
    unsigned = {p: t.replace("Author: Jane Doe\n", "") for p, t in list(TWELVE.items())[:2]}
    site = build_site(unsigned, PLUGINS=PLUGINS, name="site-author", AUTHOR=f"Rui <{RUI}>")
    assert published_addresses(site.output) == []
    byline = site.soup("posts/old-post-1/").select_one(".post-meta__author")
    assert byline.get_text(strip=True).endswith("Rui")
    assert (
        f"pelicanconf.py: AUTHOR 'Rui <{RUI}>' has an e-mail address in it: read as 'Rui' in "
        "the posts it signs, the address left out (a byline would publish it); write "
        "AUTHOR = 'Rui'"
    ) in logged(caplog, logging.WARNING)
