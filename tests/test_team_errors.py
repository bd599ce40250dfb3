"""Bad input for the team plugin: unknown authors, broken team files, wrong settings."""

import json
import logging

import pytest

from tests.conftest import FIXTURES, TEST_SITEURL
from tests.test_team_site import PLUGINS

UNKNOWN = (
    "Title: Guest post\nDate: 2024-05-01 09:00\nCategory: Company\nAuthors: Ada Byrn, Cleo Park\n\n"
    "Written by someone with a typo in their name.\n"
)


# Pelican lets a given warning through once per process: each test names its own post.


def logged(caplog, level=logging.WARNING) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


def test_unknown_author_is_a_warning_in_dev_with_a_suggestion(build_site, caplog):
    caplog.set_level(logging.WARNING)
    site = build_site({"posts/guest.md": UNKNOWN}, PLUGINS=PLUGINS)
    warnings = logged(caplog, logging.WARNING)
    assert warnings == [
        "content-0/posts/guest.md: Authors 'Ada Byrn' has no team file in content-0/team/ "
        "(did you mean 'Ada Byrne'?)"
    ]
    assert logged(caplog, logging.ERROR) == []
    soup = site.soup("posts/guest-post/")  # still built, with the name as written
    names = [a.get_text(strip=True) for a in soup.select(".author-card__person h3 a")]
    assert names == ["Ada Byrn", "Cleo Park"]
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["author"][0] == {
        "@type": "Person",
        "name": "Ada Byrn",
        "url": f"{TEST_SITEURL}/team/ada-byrn/",
    }
    assert data["author"][1]["jobTitle"] == "Community"


def test_unknown_author_fails_a_publish_build(build_site, caplog):
    caplog.set_level(logging.ERROR)
    with pytest.raises(SystemExit) as stop:
        build_site({"posts/guest.md": UNKNOWN}, publish=True, PLUGINS=PLUGINS)
    assert stop.value.code == 1
    errors = logged(caplog, logging.ERROR)
    assert any(
        "posts/guest.md" in m and "'Ada Byrn' has no team file" in m and "'Ada Byrne'?" in m
        for m in errors
    ), errors


def test_unknown_author_of_a_draft_only_warns_in_a_publish_build(build_site, caplog):
    caplog.set_level(logging.WARNING)
    draft = UNKNOWN.replace("Authors:", "Status: draft\nAuthors:")
    build_site({"posts/guest-draft.md": draft}, publish=True, PLUGINS=PLUGINS)
    assert any("'Ada Byrn' has no team file" in m for m in logged(caplog, logging.WARNING))
    assert logged(caplog, logging.ERROR) == []


@pytest.mark.parametrize(
    ("mode", "level"), [("error", logging.ERROR), ("warning", logging.WARNING)]
)
def test_unknown_author_mode_can_be_set(build_site, caplog, mode, level):
    caplog.set_level(logging.WARNING)
    build_site({f"posts/{mode}.md": UNKNOWN}, PLUGINS=PLUGINS, TEAM_UNKNOWN_AUTHOR=mode)
    assert any("'Ada Byrn' has no team file" in m for m in logged(caplog, level))


def test_posts_without_an_author_line_are_a_warning_not_an_error(build_site, caplog):
    # signed by the site's AUTHOR, who has no team file: said once (an adopted personal blog's
    # posts are signed so), never an error (a company's own posts may be meant so)
    caplog.set_level(logging.WARNING)
    post = (
        "Title: Anonymous\nDate: 2024-05-01\nCategory: Company\n\nNo byline: the site's AUTHOR.\n"
    )
    build_site({"posts/anon.md": post}, publish=True, PLUGINS=PLUGINS)
    [warning] = logged(caplog, logging.WARNING)
    assert warning.startswith(
        "content-0/posts/anon.md: has no Author: line, so it is signed 'Tessellate'"
    )
    assert logged(caplog, logging.ERROR) == []


def test_unknown_author_without_a_close_name_says_how_to_add_one(build_site, caplog):
    caplog.set_level(logging.WARNING)
    post = UNKNOWN.replace("Ada Byrn, Cleo Park", "Zebedee Quince")
    build_site({"posts/guest.md": post}, PLUGINS=PLUGINS)
    assert logged(caplog, logging.WARNING) == [
        "content-0/posts/guest.md: Authors 'Zebedee Quince' has no team file in content-0/team/; "
        "add content-0/team/zebedee-quince.md with 'Name: Zebedee Quince'"
    ]


BAD_FILES = {
    "team/no-name.md": "Role: Mystery\n\nA person without a name.\n",
    "team/gone-photo.md": "Name: Gale Gone\nPhoto: team/photos/gale.jpg\n\nHere.\n",
    "team/handles.md": (
        "Name: Hal Handles\nMastodon: @hal@social.example\nGithub: hal\nEmail: hal at example\n\n"
        "Uses handles.\n"
    ),
    "team/copycat.md": "Name: Cora Copycat\nAliases: Bo L., Cora\n\nClaims Bo's alias.\n",
    "team/typo.md": "Name: Tia Typo\nRoel: Designer\n\nA typo in a key.\n",
    "team/wordy-lang.md": "Name: Wren Wordy\nLang: english\n\nWrites her language out.\n",
    "team/broken-photo.md": "Name: Bea Broken\nPhoto: team/photos/bea.jpg\n\nA bad file.\n",
    "team/photos/bea.jpg": "this is not a JPEG",
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """A dev build with every kind of broken team file, and the messages it logged."""
    from tests.test_team_site import team_builder

    handler = _Collect()
    logging.getLogger().addHandler(handler)
    try:
        site = team_builder(tmp_path_factory.mktemp("bad"))(BAD_FILES)
    finally:
        logging.getLogger().removeHandler(handler)
    return site, handler.records


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (logging.ERROR, "content-0/team/no-name.md: Name is required"),
        (
            logging.ERROR,
            "content-0/team/gone-photo.md: Photo 'team/photos/gale.jpg' does not exist",
        ),
        (
            logging.ERROR,
            "content-0/team/handles.md: Mastodon must be a URL like https://mastodon.social/@maya, "
            "got '@hal@social.example' (did you mean https://social.example/@hal?)",
        ),
        (
            logging.ERROR,
            "content-0/team/handles.md: Github must be a URL like https://github.com/maya, "
            "got 'hal' (did you mean https://github.com/hal?)",
        ),
        (logging.ERROR, "content-0/team/handles.md: Email must be an address like"),
        (
            logging.ERROR,
            "content-0/team/bo-lindqvist.md: Aliases 'Bo L.' is in "
            "content-0/team/bo-lindqvist.md and content-0/team/copycat.md: an alias may point "
            "to one person only, so it points to neither until one file drops it",
        ),
        (
            logging.WARNING,
            "content-0/team/typo.md: unknown key 'Roel' is ignored (did you mean Role?)",
        ),
        (
            logging.ERROR,
            "content-0/team/wordy-lang.md: Lang must be a language code such as en, fr or "
            "pt-BR, got 'english' (did you mean 'en' (English)?); the bio is taken as the "
            "site's language",
        ),
        (  # named from the team file, whose Photo line is what to change
            logging.ERROR,
            "content-0/team/broken-photo.md: Photo 'team/photos/bea.jpg': is not an image this "
            "pipeline can read",
        ),
    ],
)
def test_bad_team_files_are_explained(bad_build, level, expected):
    _, records = bad_build
    messages = [r.getMessage() for r in records if r.levelno == level]
    assert any(m.startswith(expected) for m in messages), messages


def test_bad_team_files_never_print_a_traceback(bad_build):
    _, records = bad_build
    assert all(r.exc_info is None for r in records)
    assert not any("Traceback" in r.getMessage() for r in records)


def test_bad_team_files_keep_everything_else(bad_build):
    site, _ = bad_build
    assert site.exists("posts/ranges/") and site.exists("team/bo-lindqvist/")
    assert not site.exists("team/no-name/")  # no Name: no person
    hal = site.soup("team/handles/")  # bad values dropped, the person kept
    assert not hal.select(".person-links")
    bea = site.soup("team/broken-photo/")  # a photo that is not an image: initials
    assert bea.select_one("header.profile span.avatar").get_text(strip=True) == "BB"
    wren = site.soup("team/wordy-lang/")  # no lang="english" for screen readers to trip on
    assert wren.select_one(".profile__bio").get_text(strip=True) == "Writes her language out."
    assert {e["lang"] for e in wren.select("[lang]")} == {"en"}  # the page's, on <html>
    cora = site.soup("team/copycat/")
    assert cora.select_one("h1").get_text(strip=True) == "Cora Copycat"
    assert (
        site.soup("posts/ranges/")
        .select_one(".author-card__person h3 a")["href"]
        .endswith("/team/ada-byrne/")
    )


def test_a_photo_in_a_static_folder_is_a_warning(build_site, caplog):
    caplog.set_level(logging.WARNING)
    cleo = "Name: Cleo Park\nPhoto: images/lamp.svg\n\nCleo.\n"
    build_site({"team/cleo-park.md": cleo}, PLUGINS=PLUGINS)
    assert any(
        m.startswith("content-0/team/cleo-park.md: Photo 'images/lamp.svg' is in a static folder")
        for m in logged(caplog, logging.WARNING)
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"TEAM_PHOTO_SIZES": "big"}, "Settings error: TEAM_PHOTO_SIZES must be a list"),
        (
            {"PLUGINS": ["plugins.blogcore", "plugins.team"]},
            "Settings error: the team plugin needs the images plugin",
        ),
        ({"IMAGES_JOBS": "two"}, "Settings error: IMAGES_JOBS must be 0"),
    ],
)
def test_bad_settings_stop_the_build_with_a_message(build_site, settings, message):
    with pytest.raises(SystemExit) as stop:
        build_site(**{"PLUGINS": PLUGINS, **settings})
    assert str(stop.value.code).startswith(message)


def test_a_key_that_lost_its_colon_is_an_error_naming_the_keys_below_it(build_site, caplog):
    # "Role Engineering lead" ended the keys: Pronouns, Email... were read as the bio's text
    caplog.set_level(logging.WARNING)
    ada = (FIXTURES / "site" / "team" / "ada-byrne.md").read_text(encoding="utf-8")
    ada = ada.replace("Role: Engineering lead", "Role Engineering lead")
    with pytest.raises(SystemExit):
        build_site({"team/ada-byrne.md": ada}, publish=True, PLUGINS=PLUGINS, name="colon")
    assert logged(caplog, logging.ERROR) == [
        "colon/team/ada-byrne.md: line 2 'Role Engineering lead' is not front matter (write "
        "Role: Engineering lead); as it is, the front matter ends there, and it and the lines "
        "below it (Pronouns, Email, Github, Mastodon, Aliases) are shown as the bio"
    ]


def test_a_bio_translation_s_lost_colon_is_named_too(build_site, caplog):
    caplog.set_level(logging.WARNING)
    french = "Lang: fr\nRole Responsable technique\nPronouns: elle\n\nAda s'occupe du moteur.\n"
    build_site({"team/ada-byrne.fr.md": french}, PLUGINS=PLUGINS, name="colon-fr")
    assert logged(caplog, logging.ERROR) == [
        "colon-fr/team/ada-byrne.fr.md: line 2 'Role Responsable technique' is not front "
        "matter (write Role: Responsable technique); as it is, the front matter ends there, "
        "and it and the lines below it (Pronouns) are shown as the bio"
    ]


# six reviews, each signed with the reviewed book's author, none of them on the team
BOOK_AUTHORS = ("Odile Marchetti", "Piet Vanrooy", "Quilla Ashdown", "Rafe Ingleby", "Sunniva Holt")
REVIEWS = {
    f"posts/reviews/review-{i}.md": (
        f"Title: On book {i}\nDate: 2024-0{i + 1}-02\nCategory: Reading\nAuthor: {name}\n\n"
        f"A few words on the book {name} wrote.\n"
    )
    for i, name in enumerate((*BOOK_AUTHORS, "Tobiah Wrenfield"))
}
ONE_GUEST = (
    "Title: A guest's post\nDate: 2024-05-01\nCategory: Company\nAuthor: Zebedee Quince\n\n"
    "Written by a guest.\n"
)


@pytest.mark.parametrize("publish", [False, True])
def test_many_one_off_authors_of_one_folder_are_one_line(build_site, caplog, publish):
    # a folder of book reviews whose Author: is the book's: one line per name was 22 lines for
    # one adopted blog, each advising a team file for someone who never wrote for the site
    caplog.set_level(logging.WARNING)
    name = f"reviewed-{'publish' if publish else 'dev'}"
    files = {**REVIEWS, "posts/guest.md": ONE_GUEST}
    if publish:
        with pytest.raises(SystemExit):
            build_site(files, name=name, publish=True, PLUGINS=PLUGINS)
    else:
        build_site(files, name=name, PLUGINS=PLUGINS)
    level = logging.ERROR if publish else logging.WARNING
    said = [m for m in logged(caplog, level) if "has no team file" in m or "have no team" in m]
    folder, guest = said
    head, tail = folder.split(" --content ")
    assert head == (
        f"{name}/posts/reviews/: 6 names in Author: have no team file in {name}/team/ "
        "('Odile Marchetti', 'Piet Vanrooy', 'Quilla Ashdown' and 3 more, in 6 posts): if they "
        "wrote these posts, run: invoke team-stubs"
    )
    assert tail.endswith(
        f"{name} (a team file for each); if each is whom its post is about (a reviewed book's "
        "author), write the name under a key of the site's own in place of Author:, such as "
        "Book_author:, listed in BLOGCORE_KEPT_KEYS, and sign the post with its writer's name"
    )
    assert guest == (
        f"{name}/posts/guest.md: Author 'Zebedee Quince' has no team file in {name}/team/; "
        f"add {name}/team/zebedee-quince.md with 'Name: Zebedee Quince'"
    )


def test_the_folded_lines_way_out_for_book_authors_says_nothing(build_site, caplog):
    # the advice followed: each book's author under a key of the site's own, listed as kept,
    # and the post signed by its writer
    caplog.set_level(logging.WARNING)
    files = {
        path: text.replace("Author: ", "Author: Ada Byrne\nBook_author: ")
        for path, text in REVIEWS.items()
    }
    site = build_site(
        files, name="reviewed-kept", PLUGINS=PLUGINS, BLOGCORE_KEPT_KEYS=["Book_author"]
    )
    about = [
        r.getMessage() for r in caplog.records if "reviewed-kept/posts/reviews" in r.getMessage()
    ]
    assert about == []
    names = [
        a.get_text(strip=True)
        for a in site.soup("posts/on-book-0/").select(".author-card__person h3 a")
    ]
    assert names == ["Ada Byrne"]
